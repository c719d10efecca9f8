// myanmar-tools 1.1.3 ships no types (CommonJS: module.exports = { ZawgyiDetector, ZawgyiConverter }).
declare module 'myanmar-tools' {
  export class ZawgyiDetector {
    /** P(Zawgyi | Zawgyi or Unicode), or -Infinity when the string has no Myanmar code points. */
    getZawgyiProbability(input: string): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(input: string): string;
    unicodeToZawgyi(input: string): string;
    normalizeZawgyi(input: string): string;
  }
  const myanmarTools: { ZawgyiDetector: typeof ZawgyiDetector; ZawgyiConverter: typeof ZawgyiConverter };
  export default myanmarTools;
}
