// Synthetic ASEAN person names for the duplicate-search recall test and the 1M-person bench.
// Fixtures, not domain data: common given names and surnames as listed in public overviews of
// naming customs (Wikipedia "Vietnamese name", "Thai name", "Khmer name", "Burmese names",
// "Indonesian names", "Malay names", "Filipino name", "Lao name"), in each country's own script,
// with Vietnamese surname frequencies from the same page (Nguyễn ≈ 38 %). Thai surnames are
// unique per family by law, so they are composed from common elements. Deterministic per seed.

export type Culture = 'vi' | 'th' | 'km' | 'km-latin' | 'my' | 'id' | 'ms' | 'fil' | 'lo';
/** A name as a registrar records it: HTCDS first (given), middle and second (family) name. */
export type PersonName = { culture: Culture; firstName: string; middleName?: string; secondName?: string };

const VI_FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7.1],
  ['Hoàng', 5.1],
  ['Huỳnh', 4],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
];
const VI_MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Thanh', 'Minh', 'Ngọc', 'Quốc', 'Xuân', 'Thu', 'Kim', 'Hoài'];
const VI_GIVEN = [
  'An',
  'Anh',
  'Bảo',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Đào',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Huyền',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Ngân',
  'Nhung',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thành',
  'Thủy',
  'Trang',
  'Trung',
  'Tuấn',
  'Việt',
  'Yến',
  'Duyên',
  'Hằng',
  'Loan',
  'Oanh',
  'Tùng',
  'Vinh',
  'Khoa',
  'Đạt',
];
const TH_GIVEN = [
  'สมชาย',
  'สมศักดิ์',
  'สุดา',
  'นภา',
  'วิชัย',
  'ประเสริฐ',
  'สมหญิง',
  'กมล',
  'อรุณ',
  'ธนพล',
  'ณัฐพงษ์',
  'ศิริพร',
  'พรทิพย์',
  'มาลี',
  'จันทร์เพ็ญ',
  'ปิยะ',
  'วรรณา',
  'สุนทร',
  'อนุชา',
  'ชัยวัฒน์',
  'กัญญา',
  'ธิดา',
  'อำนาจ',
  'บุญเรือน',
  'สุภาพร',
  'นิตยา',
  'ประยุทธ',
  'วันเพ็ญ',
  'เกศินี',
  'ปรีชา',
  'รัชนี',
  'อัญชลี',
];
const TH_FAMILY_HEAD = [
  'ศรี',
  'สุข',
  'บุญ',
  'ทอง',
  'แก้ว',
  'จันทร์',
  'วงศ์',
  'รัตน',
  'พร',
  'ชัย',
  'ธนา',
  'สม',
  'ใจ',
  'มณี',
  'อินทร์',
  'เพชร',
  'กิตติ',
  'ประ',
  'สิริ',
  'นาค',
];
const TH_FAMILY_TAIL = [
  'สวัสดิ์',
  'วงศ์',
  'ทอง',
  'ดี',
  'มา',
  'สุข',
  'ศรี',
  'ชัย',
  'พันธ์',
  'กุล',
  'รักษ์',
  'เจริญ',
  'สมบูรณ์',
  'แสง',
  'ประเสริฐ',
  'วัฒนา',
];
const KM_FAMILY: [string, string][] = [
  ['សុខ', 'Sok'],
  ['ចាន់', 'Chan'],
  ['ហេង', 'Heng'],
  ['គឹម', 'Kim'],
  ['លី', 'Ly'],
  ['ស៊ុន', 'Sun'],
  ['ម៉ៅ', 'Mao'],
  ['ជា', 'Chea'],
  ['ពៅ', 'Pov'],
  ['អ៊ុក', 'Ouk'],
  ['កែវ', 'Keo'],
  ['មាស', 'Meas'],
  ['ប្រាក់', 'Prak'],
  ['សេង', 'Seng'],
  ['ទូច', 'Touch'],
  ['យឹម', 'Yim'],
];
const KM_GIVEN: [string, string][] = [
  ['ស្រីមុំ', 'Sreymom'],
  ['សុភា', 'Sophea'],
  ['ដារ៉ា', 'Dara'],
  ['វណ្ណា', 'Vanna'],
  ['សុខា', 'Sokha'],
  ['ចន្ថា', 'Chantha'],
  ['បុប្ផា', 'Bopha'],
  ['រតនា', 'Rattana'],
  ['សំណាង', 'Samnang'],
  ['ពិសី', 'Pisey'],
  ['សុផល', 'Sophal'],
  ['វិចិត្រ', 'Vichet'],
  ['ធីតា', 'Thida'],
  ['ស្រីនាង', 'Sreyneang'],
  ['សុវណ្ណ', 'Sovann'],
  ['បូរ៉ា', 'Bora'],
  ['រស្មី', 'Raksmey'],
  ['ចំរើន', 'Chamroeun'],
  ['សុគន្ធា', 'Sokunthea'],
  ['ពិសិដ្ឋ', 'Piseth'],
];
const MY_SYLLABLES = [
  'အောင်',
  'ကျော်',
  'မောင်',
  'ဝင်း',
  'ထွန်း',
  'မြင့်',
  'စိုး',
  'လှ',
  'ခင်',
  'သန်း',
  'ဇော်',
  'ထက်',
  'နိုင်',
  'သူ',
  'မြ',
  'နီလာ',
  'ဖြိုး',
  'ပိုင်',
  'စန်း',
  'ရီ',
  'မာ',
  'ချို',
  'သီ',
  'ဟိန်း',
  'လင်း',
  'မင်း',
  'ညီ',
  'ဆွေ',
  'ဇင်',
  'သက်',
  'နွယ်',
  'ဖူး',
  'ဦး',
  'ကို',
  'ဆု',
  'ယု',
];
const ID_GIVEN = [
  'Siti',
  'Nur',
  'Dewi',
  'Putri',
  'Sri',
  'Ayu',
  'Rina',
  'Agus',
  'Budi',
  'Eko',
  'Joko',
  'Ahmad',
  'Muhammad',
  'Rizky',
  'Fajar',
  'Andi',
  'Wahyu',
  'Indah',
  'Fitri',
  'Nurul',
  'Aisyah',
  'Kartika',
  'Yusuf',
  'Hendra',
  'Bambang',
  'Slamet',
  'Rahmawati',
  'Susanti',
  'Wulandari',
  'Kurniawan',
];
const ID_FAMILY = [
  'Wijaya',
  'Santoso',
  'Saputra',
  'Hidayat',
  'Kusuma',
  'Pratama',
  'Setiawan',
  'Nugroho',
  'Lestari',
  'Hartono',
  'Gunawan',
  'Purnomo',
  'Simanjuntak',
  'Siregar',
  'Nasution',
  'Harahap',
  'Sihombing',
  'Tanjung',
];
const MS_GIVEN = [
  'Nurul',
  'Siti',
  'Nur',
  'Farah',
  'Aina',
  'Aisyah',
  'Muhammad',
  'Ahmad',
  'Mohd',
  'Hafiz',
  'Amirul',
  'Syafiq',
  'Nurhaliza',
  'Zulkifli',
  'Azman',
  'Faizal',
  'Hidayah',
  'Izzati',
  'Aqilah',
  'Haziq',
];
const MS_FATHER = [
  'Abdullah',
  'Ismail',
  'Ibrahim',
  'Hassan',
  'Rahman',
  'Abdul Rahman',
  'Hamid',
  'Yusof',
  'Osman',
  'Othman',
  'Kamaruddin',
  'Sulaiman',
  'Ramli',
  'Razak',
  'Mahmud',
  'Ali',
];
const FIL_GIVEN = [
  'Maria',
  'Jose',
  'Juan',
  'Mark Anthony',
  'John Paul',
  'Angelica',
  'Kristine',
  'Jericho',
  'Rodrigo',
  'Cristina',
  'Marites',
  'Jennifer',
  'Michael',
  'Ramon',
  'Rosario',
  'Lourdes',
  'Ma. Theresa',
  'Jonathan',
  'Rowena',
  'Marlon',
  'Joy',
  'Analyn',
];
const FIL_FAMILY = [
  'dela Cruz',
  'Garcia',
  'Reyes',
  'Ramos',
  'Mendoza',
  'Santos',
  'Flores',
  'Gonzales',
  'Bautista',
  'Villanueva',
  'Fernandez',
  'Cruz',
  'de Guzman',
  'Lopez',
  'Aquino',
  'Castillo',
  'Torres',
  'Rivera',
  'Navarro',
  'Mercado',
  'Pascual',
  'Dizon',
  'Manalo',
  'Soriano',
];
const LO_GIVEN = [
  'ສົມສັກ',
  'ບຸນມີ',
  'ຄຳພອນ',
  'ວັນນາ',
  'ສີສຸກ',
  'ພອນສະຫວັນ',
  'ແສງເດືອນ',
  'ຄຳແພງ',
  'ສຸລິຍາ',
  'ບົວພັນ',
  'ວຽງສະໄໝ',
  'ນາລີ',
  'ສົມພອນ',
  'ທອງດີ',
];
const LO_FAMILY = [
  'ພົມມະຈັນ',
  'ແກ້ວມະນີ',
  'ສີສຸວັນ',
  'ວົງສາ',
  'ໄຊຍະວົງ',
  'ສີປະເສີດ',
  'ພິລາວົງ',
  'ຈັນທະວົງ',
  'ອິນທະວົງ',
  'ສຸວັນນະພູມ',
];

/** Share of each culture among generated persons (rough shares of ASEAN trafficking caseloads). */
const CULTURES: [Culture, number][] = [
  ['vi', 24],
  ['th', 14],
  ['km', 10],
  ['km-latin', 4],
  ['my', 16],
  ['id', 14],
  ['ms', 6],
  ['fil', 9],
  ['lo', 3],
];

/** mulberry32: a small deterministic generator, so every run sees the same names. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function weighted<T>(rnd: Random, list: readonly [T, number][]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [value, w] of list) {
    r -= w;
    if (r < 0) return value;
  }
  return (list.at(-1) as [T, number])[0];
}

function burmese(rnd: Random): string {
  const n = 2 + Math.floor(rnd() * 2);
  const parts = Array.from({ length: n }, () => pick(rnd, MY_SYLLABLES));
  // Burmese names are written with or without spaces between syllables.
  return parts.join(rnd() < 0.5 ? '' : ' ');
}

export function generateName(rnd: Random, culture: Culture = weighted(rnd, CULTURES)): PersonName {
  switch (culture) {
    case 'vi': {
      const middle = rnd() < 0.85 ? pick(rnd, VI_MIDDLE) : undefined;
      const given = rnd() < 0.25 ? `${pick(rnd, VI_GIVEN)} ${pick(rnd, VI_GIVEN)}` : pick(rnd, VI_GIVEN);
      return { culture, firstName: given, middleName: middle, secondName: weighted(rnd, VI_FAMILY) };
    }
    case 'th':
      return {
        culture,
        firstName: pick(rnd, TH_GIVEN),
        secondName: pick(rnd, TH_FAMILY_HEAD) + pick(rnd, TH_FAMILY_TAIL),
      };
    case 'km':
    case 'km-latin': {
      const script = culture === 'km' ? 0 : 1;
      return { culture, firstName: pick(rnd, KM_GIVEN)[script], secondName: pick(rnd, KM_FAMILY)[script] };
    }
    case 'my':
      return { culture, firstName: burmese(rnd) };
    case 'id':
      return rnd() < 0.3
        ? { culture, firstName: pick(rnd, ID_GIVEN) }
        : { culture, firstName: pick(rnd, ID_GIVEN), secondName: pick(rnd, ID_FAMILY) };
    case 'ms': {
      const given = rnd() < 0.5 ? `${pick(rnd, MS_GIVEN)} ${pick(rnd, MS_GIVEN)}` : pick(rnd, MS_GIVEN);
      const link = given.startsWith('Siti') || given.startsWith('Nur') || rnd() < 0.4 ? 'binti' : 'bin';
      return { culture, firstName: given, secondName: `${link} ${pick(rnd, MS_FATHER)}` };
    }
    case 'fil':
      return {
        culture,
        firstName: pick(rnd, FIL_GIVEN),
        middleName: rnd() < 0.7 ? pick(rnd, FIL_FAMILY) : undefined,
        secondName: pick(rnd, FIL_FAMILY),
      };
    case 'lo':
      return { culture, firstName: pick(rnd, LO_GIVEN), secondName: pick(rnd, LO_FAMILY) };
  }
}

// Longest first, so မြင့် is read whole rather than as မြ and a remainder.
const SYLLABLE = new RegExp([...MY_SYLLABLES].sort((a, b) => b.length - a.length).join('|'), 'gu');

/** Ways a second registration of the same person differs from the first. */
export type Variant =
  | 'exact'
  | 'no_diacritics'
  | 'typo'
  | 'two_typos'
  | 'swapped_order'
  | 'given_name_only'
  | 'without_middle_name'
  | 'respaced';

export const VARIANTS: readonly Variant[] = [
  'exact',
  'no_diacritics',
  'typo',
  'two_typos',
  'swapped_order',
  'given_name_only',
  'without_middle_name',
  'respaced',
];

const stripDiacritics = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** One keyboard slip in a word: a letter replaced, dropped, doubled or swapped with the next. */
export function typo(rnd: Random, text: string): string {
  const chars = [...text];
  const letters = chars.map((c, i) => [c, i] as const).filter(([c]) => /\p{L}|\p{M}/u.test(c));
  if (letters.length < 2) return text;
  const [, at] = pick(rnd, letters);
  const pool = letters.map(([c]) => c);
  switch (Math.floor(rnd() * 4)) {
    case 0: {
      const other = pool.filter((c) => c !== chars[at]);
      chars[at] = other.length > 0 ? pick(rnd, other) : (chars[at] as string);
      break;
    }
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 0, chars[at] as string);
      break;
    default:
      if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
  }
  return chars.join('');
}

/** Whether a variant means something for this name (no diacritics to drop in Thai, no middle name…). */
export function applies(name: PersonName, variant: Variant): boolean {
  switch (variant) {
    case 'no_diacritics':
      return name.culture === 'vi';
    case 'swapped_order':
    case 'given_name_only':
      return name.secondName !== undefined;
    case 'without_middle_name':
      return name.middleName !== undefined;
    case 'respaced':
      return name.culture === 'my';
    default:
      return true;
  }
}

/** The name as a second registrar might record it. */
export function vary(rnd: Random, name: PersonName, variant: Variant): PersonName {
  const { culture, firstName, middleName, secondName } = name;
  switch (variant) {
    case 'exact':
      return name;
    case 'no_diacritics':
      return {
        culture,
        firstName: stripDiacritics(firstName),
        middleName: middleName && stripDiacritics(middleName),
        secondName: secondName && stripDiacritics(secondName),
      };
    case 'typo':
    case 'two_typos': {
      const parts = [firstName, middleName, secondName];
      const slips = variant === 'typo' ? 1 : 2;
      for (let i = 0; i < slips; i++) {
        const filled = parts.map((p, j) => [p, j] as const).filter(([p]) => p !== undefined);
        const [part, j] = pick(rnd, filled);
        parts[j] = typo(rnd, part as string);
      }
      return { culture, firstName: parts[0] as string, middleName: parts[1], secondName: parts[2] };
    }
    case 'swapped_order':
      // The family name entered as the first name and the given name as the second.
      return { culture, firstName: secondName ?? firstName, middleName, secondName: firstName };
    case 'given_name_only':
      return { culture, firstName };
    case 'without_middle_name':
      return { culture, firstName, secondName };
    case 'respaced': {
      const joined = firstName.replaceAll(' ', '');
      const spaced = [...joined.matchAll(SYLLABLE)].map((m) => m[0]).join(' ');
      return { culture, firstName: firstName.includes(' ') ? joined : spaced || joined };
    }
  }
}

export const nameParts = (n: PersonName) => [n.firstName, n.middleName ?? null, n.secondName ?? null];
