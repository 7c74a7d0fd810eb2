/**
 * The heading-marker characters the client's report detection needs (client/src/detect.ts), which may not import
 * the server's analysis core. The core's marker table (server/src/core/markers.ts) holds the same sets, and
 * test/unit/markers.test.ts keeps the two equal and runs every marker kind of the table through the detection.
 */
export const MARKER_CHARS = {
  /** Plain Chinese numerals of 一、 （一） 第一条 (with the zeros 〇 ○ 零 and 两). */
  numerals: '〇○零一二三四五六七八九十百千两',
  /** Formal numerals: Taiwan-style 壹、貳、參、 (and 壹、贰、叁、) headings. */
  formal: '壹贰貳叁參肆伍陆陸柒捌玖拾佰仟',
  /** Heavenly stems: 甲、 乙、 of Taiwan judgments. */
  stems: '甲乙丙丁戊己庚辛壬癸',
  /** The units of law structure after 第X (编 篇 章 节 条, simplified and traditional); 分编 and 部分 besides. */
  lawUnits: '编編篇章节節条條',
} as const;
