import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './index.ts';
import { plainText } from './test-helpers.ts';

function places(text: string): Array<[string, string]> {
  return extractIdentifiers(plainText(text), {})
    .filter((id) => id.kind === 'place')
    .map((id) => [id.normalized, id.value]);
}

describe('places', () => {
  it('matches hotspot names in every script', () => {
    expect(places('Việc làm tại Sihanoukville, 西港, ក្រុងព្រះសីហនុ, สีหนุวิลล์')).toEqual([
      ['sihanoukville', 'Sihanoukville'],
    ]);
    expect(extractIdentifiers(plainText('Sihanoukville 西港 ក្រុងព្រះសីហនុ'), {})[0]?.spans).toEqual([
      [0, 13],
      [14, 16],
      [17, 31],
    ]);
    expect(places('làm việc ở Myawaddy (妙瓦底, မြဝတီ, เมียวดี)')[0]).toEqual(['myawaddy', 'Myawaddy']);
    expect(places('KK Park near Shwe Kokko, 亚太新城')).toEqual([
      ['kk-park', 'KK Park'],
      ['shwe-kokko', 'Shwe Kokko'],
    ]);
    expect(places('Golden Triangle SEZ, Bokeo (Kings Romans)').map((p) => p[0])).toEqual([
      'golden-triangle-sez',
      'bokeo',
      'kings-romans',
    ]);
  });

  it('matches Vietnamese names with and without diacritics, and names typed with odd spacing', () => {
    expect(places('Phnôm Pênh và Tam Giác Vàng').map((p) => p[0])).toEqual([
      'phnom-penh',
      'golden-triangle-sez',
    ]);
    expect(places('phnom penh va tam giac vang').map((p) => p[0])).toEqual([
      'phnom-penh',
      'golden-triangle-sez',
    ]);
    expect(places('Shwe  Kokko, ShweKokko, Phnom-Penh').map((p) => p[0])).toEqual([
      'shwe-kokko',
      'phnom-penh',
    ]);
  });

  it('needs word boundaries for Latin names and honours exclusions', () => {
    expect(places('Bavetta Poipets')).toEqual([]);
    expect(places('美索不达米亚文明')).toEqual([]);
    expect(places('quán hủ tiếu Nam Vang')).toEqual([]);
    expect(places('đi Nam Vang làm việc')).toEqual([['phnom-penh', 'Nam Vang']]);
  });

  it('does not read a place inside a chat handle, a link or an e-mail address', () => {
    expect(places('telegram: @myawaddy_job')).toEqual([]);
    expect(places('t.me/kk_park_hr, www.myawaddy-jobs.com, hr@kkpark.com')).toEqual([]);
    expect(places('https://facebook.com/groups/sihanoukville-jobs')).toEqual([]);
    expect(places('Sihanoukville: facebook.com/groups/sihanoukville-jobs')).toEqual([
      ['sihanoukville', 'Sihanoukville'],
    ]);
    const [place] = extractIdentifiers(
      plainText('Sihanoukville: facebook.com/groups/sihanoukville-jobs'),
      {},
    ).filter((id) => id.kind === 'place');
    expect(place?.spans).toEqual([[0, 13]]);
  });

  it('carries the place facts', () => {
    const [place] = extractIdentifiers(plainText('Bavet'), {});
    expect(place?.details).toMatchObject({
      placeId: 'bavet',
      country: 'KH',
      specificity: 'high',
      lat: 11.07,
      lon: 106.16,
    });
  });
});
