import type { Category, Giver, Purpose } from './schema.ts';

// The consent form's state and the request bodies it becomes (src/victims/consent/schema.ts).

export type ConsentForm = {
  purpose: Purpose | '';
  categories: Category[];
  country: string;
  agency: string;
  subjectAge: 'adult' | 'child' | 'presumed_child' | '';
  giver: Giver;
  giverName: string;
  giverRelationship: string;
  method: 'signed_form' | 'verbal';
  formSha256: string;
  witnessName: string;
  witnessRole: string;
  interpreterLanguage: string;
  interpreterName: string;
  consented: boolean;
  /** `<input type="datetime-local">`: local wall time, no zone. */
  givenAt: string;
  /** `<input type="date">`: the consent covers up to the end of this local day. */
  expiresOn: string;
};

export type ConsentBody = {
  purpose: Purpose;
  categories: Category[];
  recipient: { country: string; agency?: string };
  subjectAge: 'adult' | 'child' | 'presumed_child';
  givenBy:
    | { kind: 'subject' }
    | { kind: 'guardian' | 'legal_representative'; name: string; relationship: string };
  method:
    | { kind: 'signed_form'; formSha256: string; witness?: { name: string; role?: string } }
    | { kind: 'verbal'; witness: { name: string; role?: string } };
  interpreter?: { language: string; name: string };
  htcds: { con_Consent: boolean };
  givenAt: string;
  expiresAt: string;
};

export type WithdrawBody = {
  statedBy: Giver;
  method: { kind: 'verbal' } | { kind: 'written'; formSha256: string };
  note?: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as `<input type="datetime-local">` shows it, to the minute, in the device's zone. */
export function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyConsentForm(now = new Date()): ConsentForm {
  return {
    purpose: '',
    categories: [],
    country: '',
    agency: '',
    subjectAge: '',
    giver: 'subject',
    giverName: '',
    giverRelationship: '',
    method: 'verbal',
    formSha256: '',
    witnessName: '',
    witnessRole: '',
    interpreterLanguage: '',
    interpreterName: '',
    consented: true,
    givenAt: localDateTime(now),
    expiresOn: '',
  };
}

/** Local wall time to an instant with its zone (the server wants ISO 8601 with an offset). */
function instant(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** What is still missing, as form field names; empty when the body can be built. */
export function missing(form: ConsentForm): (keyof ConsentForm)[] {
  const out: (keyof ConsentForm)[] = [];
  if (!form.purpose) out.push('purpose');
  if (form.categories.length === 0) out.push('categories');
  if (!form.country) out.push('country');
  if (!form.subjectAge) out.push('subjectAge');
  if (form.giver !== 'subject' && !form.giverName.trim()) out.push('giverName');
  if (form.giver !== 'subject' && !form.giverRelationship.trim()) out.push('giverRelationship');
  if (form.method === 'signed_form' && !/^[0-9a-f]{64}$/i.test(form.formSha256)) out.push('formSha256');
  if (form.method === 'verbal' && !form.witnessName.trim()) out.push('witnessName');
  if (form.interpreterName.trim() && !form.interpreterLanguage) out.push('interpreterLanguage');
  if (form.interpreterLanguage && !form.interpreterName.trim()) out.push('interpreterName');
  if (!instant(form.givenAt)) out.push('givenAt');
  if (!form.expiresOn) out.push('expiresOn');
  return out;
}

export function toConsentBody(form: ConsentForm): ConsentBody | null {
  const givenAt = instant(form.givenAt);
  // The end of the chosen local day: the consent covers instants strictly before it.
  const expiresAt = instant(`${form.expiresOn}T23:59:59`);
  if (missing(form).length > 0 || !form.purpose || !form.subjectAge || !givenAt || !expiresAt) return null;
  const witness = form.witnessName.trim()
    ? { name: form.witnessName.trim(), ...(form.witnessRole.trim() && { role: form.witnessRole.trim() }) }
    : null;
  const body: ConsentBody = {
    purpose: form.purpose,
    categories: form.categories,
    recipient: { country: form.country, ...(form.agency.trim() && { agency: form.agency.trim() }) },
    subjectAge: form.subjectAge,
    givenBy:
      form.giver === 'subject'
        ? { kind: 'subject' }
        : { kind: form.giver, name: form.giverName.trim(), relationship: form.giverRelationship.trim() },
    method:
      form.method === 'signed_form'
        ? { kind: 'signed_form', formSha256: form.formSha256.toLowerCase(), ...(witness && { witness }) }
        : { kind: 'verbal', witness: witness ?? { name: '' } },
    htcds: { con_Consent: form.consented },
    givenAt,
    expiresAt,
  };
  if (form.interpreterName.trim() && form.interpreterLanguage) {
    body.interpreter = { language: form.interpreterLanguage, name: form.interpreterName.trim() };
  }
  return body;
}

/** The SHA-256 of a file, in hexadecimal, computed on the device: the scanned form is not uploaded. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
