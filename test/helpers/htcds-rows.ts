import { readFileSync } from 'node:fs';
import { repoPath } from '../../src/platform/paths.ts';
import { csvLine } from '../../src/victims/htcds/csv.ts';
import { htcdsHeader } from '../../src/victims/htcds/fields.ts';
import { ageOn } from '../../src/victims/rules.ts';

// Realistic HTCDS rows for tests and the import bench: every field filled with values a caseworker
// in the region would record, in the scripts they would record them in. Gender, age group and the
// kind of exploitation follow the rows of the CTDC synthetic dataset (../shared/datasets/ctdc/),
// which has no names or places; those come from the lists below. Every value is in the form an
// export writes it, so an import followed by an export gives the same bytes back.

export type Cells = Record<string, string>;

type CtdcRow = { gender: string; minor: boolean; labour: boolean; sexual: boolean; relation: string };

/** The CTDC rows the test rows follow; without it every row is one adult in forced labour. */
export const CTDC_FILE = repoPath(
  '..',
  'shared',
  'datasets',
  'ctdc',
  'ctdc-victim-perpetrator-synthetic-condensed.csv',
);

function readCtdc(): CtdcRow[] {
  let text: string;
  try {
    text = readFileSync(CTDC_FILE, 'utf8');
  } catch {
    return [
      { gender: 'Female', minor: false, labour: true, sexual: false, relation: 'StrangerUnknownOther' },
    ];
  }
  const [head = '', ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const cols = head.split(',');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const c = line.split(',');
    return {
      gender: c[at('gender')] ?? '',
      minor: c[at('majorityStatus')] === 'Minor',
      labour: c[at('isForcedLabour')] === '1',
      sexual: c[at('isSexualExploit')] === '1',
      relation: c[at('IP_Relation')] ?? '',
    };
  });
}

let ctdc: CtdcRow[] | undefined;

const FIRST = ['Somchai', 'สมศรี', 'Nguyễn Thị', 'Aung', 'မောင်', 'Siti', 'Maria', 'សុខា', 'ນາງ', '李'];
const MIDDLE = ['Kyaw', 'Văn', 'Nur', 'Dela', 'Bounmy', ''];
const LAST = ['Saetang', 'Trần', 'Win', 'Rahmawati', 'Santos', 'ចាន់', 'ພົມມະຈັນ', '王', 'Wongsakul', 'Phạm'];
const CITIES: [string, string, string, string][] = [
  ['Mae Sot', 'TH', 'Tak', '63110'],
  ['Hà Nội', 'VN', 'Hoàn Kiếm', '100000'],
  ['Lashio', 'MM', 'Shan', '06301'],
  ['Medan', 'ID', 'Sumatera Utara', '20111'],
  ['Quezon City', 'PH', 'Metro Manila', '1100'],
  ['Savannakhet', 'LA', 'Savannakhet', '13000'],
];
const COMPOUNDS: [string, string, string, number, number][] = [
  ['Golden Fortune Compound', 'Sihanoukville', 'KH', 10.6253, 103.5234],
  ['KK Park', 'Myawaddy', 'MM', 16.7406, 98.4521],
  ['Kings Romans Casino', 'Tonpheung', 'LA', 20.3579, 100.0864],
];
const pick = <T>(list: readonly T[], i: number): T => {
  const v = list[i % list.length];
  if (v === undefined) throw new Error('empty list');
  return v;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The person–case row number `i` of a file: a victim (or every fifth, a perpetrator) in case `caseOf(i)`. */
export function htcdsRow(
  i: number,
  options: { owner?: string; cases?: number; caseNo?: number } = {},
): Cells {
  ctdc ??= readCtdc();
  const c = pick(ctdc, i * 7919);
  const perpetrator = i % 5 === 4;
  const years = c.minor ? 14 + (i % 4) : 19 + (i % 30);
  const registered = `2025-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
  const birthdate = `${2025 - years}-${pad(1 + ((i * 5) % 12))}-${pad(1 + ((i * 3) % 28))}`;
  const age = ageOn(birthdate, registered);
  const [city, country, state, postal] = pick(CITIES, i);
  const [compound, compoundCity, compoundCountry, lat, lon] = pick(COMPOUNDS, i);
  const scam = i % 3 === 0;
  const caseNo = options.caseNo ?? (options.cases ? i % options.cases : i);
  // Case fields follow the case, so every row of a case says the same.
  const closed = caseNo % 11 === 10;
  const month = pad(1 + (caseNo % 12));
  const exploitation = [
    ...(scam ? ['ForcedCriminality'] : []),
    ...(c.labour || !c.sexual ? ['ForcedLabour'] : []),
    ...(c.sexual ? ['SexualExploitation'] : []),
  ];
  const gender =
    c.gender === 'Male' ? 'Masculine' : c.gender === 'Female' ? 'Feminine' : 'NonSpecifiedUnknown';
  const relation = c.relation.startsWith('Family')
    ? 'Familial'
    : c.relation.startsWith('Friend')
      ? 'Acquainted'
      : 'Unaquainted';
  const cells: Cells = {
    org_Name: compound,
    org_ShippingCity: compoundCity,
    org_ShippingCountry: compoundCountry,
    org_ShippingState: compoundCountry === 'KH' ? 'Preah Sihanouk' : 'Kayin',
    org_ShippingStreet: `${compound}, Ochheuteal Road`,
    org_ShippingPostalCode: '18000',
    org_ShippingLongitude: String(lon),
    org_ShippingLatitude: String(lat),
    org_Phone: '+85512345678',
    org_Type: 'CorporateBusiness',
    prs_Salutation: gender === 'Masculine' ? 'Mr' : 'Ms',
    prs_FirstName: pick(FIRST, i),
    prs_MiddleName: pick(MIDDLE, i),
    prs_SecondName: `${pick(LAST, i * 3)} ${i}`,
    prs_Birthdate: birthdate,
    prs_Gender: gender,
    prs_Deceased: 'FALSE',
    prs_MaritalStatus: pick(['Single', 'Married', 'Divorced'], i),
    prs_NumberOfChildren: String(i % 3),
    prs_PrimaryLanguage: pick(['th', 'vi', 'my', 'id', 'fil', 'lo'], i),
    prs_SecondaryLanguage: 'en',
    prs_HighestLevelOfEducation: pick(
      ['PrimaryEducation', 'UpperSecondaryEducation', 'BachelorsOrEquivalentLevel'],
      i,
    ),
    prs_Citizenship: country,
    prs_IdentityNumber: `${country}-${100000000 + i * 37}`,
    prs_Title: pick(['Data entry clerk', 'Fishing crew', 'Domestic worker', 'Factory worker'], i),
    prs_Email: `person${i}@example.org`,
    prs_HomePhone: `+6621${pad(i % 1000000, 6)}`,
    prs_MobilePhone: `+8491${pad(i % 10000000, 7)}`,
    prs_MailingCity: city,
    prs_MailingCountry: country,
    prs_MailingState: state,
    prs_MailingStreet: `${1 + (i % 200)} Moo ${1 + (i % 9)}, "Soi" ${i % 50}`,
    prs_MailingPostalCode: postal,
    prs_MailingLongitude: String(98 + (i % 1000) / 1000),
    prs_MailingLatitude: String(16 + (i % 1000) / 1000),
    vic_AgreementToManagePersonalData: 'TRUE',
    vic_TraffickingStatus: pick(
      ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
      i,
    ),
    vic_TraffickingStatusDecisionMakingOrg: pick(['Police', 'NGO', 'CourtOrProsecution'], i),
    vic_RelationshipToTrafficker: relation,
    vic_AgeWhenTrafficked: String(age - 1),
    vic_RecruitmentWebsitesAndApps: 'Facebook;Telegram',
    vic_MethodOfRecruitment:
      i % 2 === 0 ? 'ThroughAnOnlineAdvertisement' : 'ThroughFriendsOrSocialEvents;Other',
    vic_LocationOfRecruitment: `${city} bus station`,
    vic_MethodsOfControl: pick(
      [
        'WithholdsDocuments;DebtBondage;PhysicalThreats',
        'TakesEarnings;ExcessiveWorkingHours',
        'FalsePromises;PhysicalAbuse',
      ],
      i,
    ),
    vic_TypeOfExploitation: exploitation.join(';'),
    vic_ForcedLabourIndustry: scam ? 'J_InformationAndCommunication' : 'A_AgricultureForestryAndFishing',
    vic_TypeOfSexExploitation: c.sexual ? 'Prostitution' : '',
    vic_LocationOfExploitation: compound,
    vic_ExploitationWebsitesAndApps: 'Telegram',
    vic_Vulnerabilities: 'Poverty;Migration',
    vic_DetailsOfVulnerabilities: `Lost work after the floods; the family owes ${1000 + i} baht, to a moneylender.\nTwo younger siblings.`,
    per_RoleInProcess: perpetrator ? 'RecruiterOrIntermediary;Transporter' : '',
    per_RoleDetails: perpetrator ? 'Posted the job offers and drove recruits to the border.' : '',
    per_Organisation: perpetrator ? 'Bright Future Recruitment Co.' : '',
    cas_Status: closed ? 'Closed' : 'Active',
    cas_ReasonForCaseClosure: closed ? 'Returned home; reintegration complete.' : '',
    cas_CaseOwner: options.owner ?? 'caseworker',
    cas_ReferringOrganisation: 'Mae Sot Migrant Clinic',
    cas_IncomingReferralDate: `2025-${month}-01`,
    cas_ReferringPrimaryCaseWorker: 'Khun Malee',
    cas_ReasonForIncomingReferral: 'AdditionalServicesRequired',
    cas_IncomingReferralDetails: 'Referred after the raid; needs shelter and an interpreter.',
    cas_ReferredOrganisation: 'Provincial shelter',
    cas_ReferredPrimaryCaseWorker: 'Ms Dao',
    cas_ReasonForOutgoingReferral: 'MigrationOrChangeOfLocation',
    cas_OutgoingReferralDate: `2025-${month}-20`,
    cas_OutgoingReferralDetails: 'Repatriation through the border handover point.',
    cco_CaseComment: `Case ${caseNo}: interviewed once with an interpreter; no second interview needed.`,
    hte_Longitude: String(lon),
    hte_Latitude: String(lat),
    hte_City: compoundCity,
    hte_Country: compoundCountry,
    hte_State: 'Preah Sihanouk',
    hte_Street: 'Ochheuteal Road',
    hte_PostalCode: '18000',
    hte_Date: `2024-${pad(1 + (i % 12))}-15`,
    hte_Type: pick(['Recruitment', 'Transit', 'Exploitation'], i),
    hte_Description: 'Held in building C with about 40 others; phones taken on arrival.',
    spl_Objectives: 'Safe return and reintegration.',
    spl_ActionPlan: 'Shelter, medical check, family tracing, repatriation.',
    spl_PlannedEndDate: '2026-06-30',
    spl_ActualEndDate: closed ? '2025-12-31' : '',
    spl_Type: pick(['Health', 'Legal', 'SocialCare'], i),
    con_Consent: i % 13 === 12 ? 'FALSE' : 'TRUE',
    jar_RegistrationDate: registered,
    jar_AgeAtRegistration: String(age),
    jar_AgeIsEstimate: 'FALSE',
    jar_Ethnicity: pick(['Karen', 'Kinh', 'Shan', 'Malay', 'Tagalog', 'Lao Loum'], i),
    jar_Disability: i % 7 === 0 ? 'Hearing' : '',
    jar_MigrationStatus: pick(['IrregularMigrant', 'RegularMigrant', 'Citizen'], i),
    jar_ForcedCriminalityType: scam ? 'RomanceInvestmentScam;MoneyLaunderingOrMoneyMule' : '',
    jar_RecruitmentPlatform: 'Telegram',
    jar_RecruitmentHandle: `@jobs_${i % 40}`,
    jar_RecruitmentAdUrl: `https://t.me/jobs_${i % 40}/${i}`,
    jar_ScamCompoundName: scam ? compound : '',
    jar_ScamCompoundCity: scam ? compoundCity : '',
    jar_ScamCompoundCountry: scam ? compoundCountry : '',
    jar_ScamCompoundLatitude: scam ? String(lat) : '',
    jar_ScamCompoundLongitude: scam ? String(lon) : '',
    jar_CaseLifecycleStatus: closed ? 'closed' : 'active',
    jar_CaseOpenedOn: `2025-${month}-02`,
    jar_CasePersonRole: perpetrator ? 'perpetrator' : 'victim',
    jar_SupportItemKind: i % 2 === 0 ? 'repatriation' : 'shelter',
    jar_RepatriationStep: i % 2 === 0 ? 'border_handover' : '',
    jar_SupportItemStatus: pick(['planned', 'in_progress', 'done'], i),
    jar_SupportItemProvider: 'IOM Thailand',
    jar_SupportItemStartDate: '2025-06-01',
    jar_SupportItemDueDate: '2025-07-01',
    jar_SupportItemEndDate: closed ? '2025-07-15' : '',
    jar_PersonExternalId: `TH-P-${pad(i, 6)}`,
    jar_CaseExternalId: `TH-C-${pad(caseNo, 6)}`,
  };
  if (perpetrator) {
    // A recruiter: no victim context, no support plan.
    for (const [k] of Object.entries(cells)) {
      if (
        k.startsWith('vic_') ||
        k.startsWith('spl_') ||
        k.startsWith('jar_Support') ||
        k === 'jar_RepatriationStep'
      )
        cells[k] = '';
      if (
        k.startsWith('org_') ||
        k.startsWith('jar_Scam') ||
        k.startsWith('jar_Recruitment') ||
        k === 'jar_ForcedCriminalityType'
      )
        cells[k] = '';
    }
  }
  return cells;
}

/**
 * The fields a typical case record has: those of the CTDC records (gender, age group, kind of
 * exploitation, country of origin and of exploitation, the trafficker's relation and role, means of
 * control, recruitment), plus what registering a person needs (names, birth date, ids, status) and
 * the case's status and owner. Every other cell of `htcdsRow(i)` is left empty.
 */
export const TYPICAL_FIELDS = [
  'prs_FirstName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'prs_PrimaryLanguage',
  'vic_TraffickingStatus',
  'vic_RelationshipToTrafficker',
  'vic_AgeWhenTrafficked',
  'vic_MethodOfRecruitment',
  'vic_MethodsOfControl',
  'vic_TypeOfExploitation',
  'vic_ForcedLabourIndustry',
  'vic_TypeOfSexExploitation',
  'per_RoleInProcess',
  'cas_Status',
  'cas_ReasonForCaseClosure',
  'cas_CaseOwner',
  'hte_Country',
  'hte_Type',
  'jar_RegistrationDate',
  'jar_AgeAtRegistration',
  'jar_ForcedCriminalityType',
  'jar_CaseLifecycleStatus',
  'jar_CasePersonRole',
  'jar_PersonExternalId',
  'jar_CaseExternalId',
] as const;

export function typicalRow(i: number, options: Parameters<typeof htcdsRow>[1] = {}): Cells {
  const full = htcdsRow(i, options);
  return Object.fromEntries(TYPICAL_FIELDS.map((f) => [f, full[f] ?? '']));
}

const CASE_LEVEL = /^(cas_|cco_|jar_Case(?!PersonRole))/;
const PAIR_LEVEL = /^(spl_|jar_Support|jar_RepatriationStep|jar_CasePersonRole)/;

/** A row of a person in no case: the case's and the person-in-case cells emptied. */
export function personOnly(row: Cells): Cells {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, CASE_LEVEL.test(k) || PAIR_LEVEL.test(k) ? '' : v]),
  );
}

/** A row of a case with no person: only the case's cells. */
export function caseOnly(row: Cells): Cells {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, CASE_LEVEL.test(k) ? v : '']));
}

/** Sorted as an export sorts: by person key, then case key. */
export function sortRows(rows: readonly Cells[]): Cells[] {
  const key = (r: Cells) => [r.jar_PersonExternalId ?? '', r.jar_CaseExternalId ?? ''];
  return [...rows].sort((a, b) => {
    const [ap = '', ac = ''] = key(a);
    const [bp = '', bc = ''] = key(b);
    return ap < bp ? -1 : ap > bp ? 1 : ac < bc ? -1 : ac > bc ? 1 : 0;
  });
}

/** The cells in the export's column order. */
export const rowCells = (row: Cells): string[] => htcdsHeader().map((f) => row[f] ?? '');

export function csvOf(rows: readonly Cells[], header: readonly string[] = htcdsHeader()): string {
  return [csvLine(header), ...rows.map((r) => csvLine(header.map((f) => r[f] ?? '')))].join('');
}
