import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';

// Default phone region for numbers written without a country code. Chinese-language posts default
// to CN: recruiters for the compounds who write in Chinese mostly give PRC mobiles (11 digits from
// 1x) without +86; a Chinese post from Malaysia or Singapore gets its region from opts.country.
const REGION_BY_LANG: Readonly<Record<string, CountryCode>> = {
  th: 'TH',
  vi: 'VN',
  id: 'ID',
  ms: 'MY',
  fil: 'PH',
  tl: 'PH',
  km: 'KH',
  lo: 'LA',
  my: 'MM',
  zh: 'CN',
};

export function defaultRegion(opts: { country?: string; lang?: string }): CountryCode | undefined {
  const country = opts.country?.trim().toUpperCase();
  if (country && isSupportedCountry(country)) return country;
  const lang = opts.lang?.trim().toLowerCase().split(/[-_]/)[0];
  return lang ? REGION_BY_LANG[lang] : undefined;
}
