/**
 * The "looks like a Chinese report" rule of the client's auto-detection (client/src/detect.ts), checked on every
 * document of the shared corpus, on the founding seed and on documents that must stay plain text.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLE_CHARS, looksLikeReport, reportSignals } from '../../client/src/detect';
import { CORPUS_DIR, corpusFiles, readCorpus, readSeed } from '../util/corpus';

function describeSignals(text: string): string {
  return JSON.stringify(reportSignals(text));
}

describe('looksLikeReport: documents that are reports', () => {
  const names = corpusFiles();

  it('sees the whole corpus, Markdown law copies included', () => {
    assert.ok(names.length >= 31, `expected the 31 corpus documents, found ${names.length}`);
    assert.ok(names.filter((name) => name.endsWith('.md')).length >= 9, 'the Markdown law copies are part of the corpus');
  });

  for (const name of names) {
    it(`detects corpus/${name}`, () => {
      const text = readCorpus(name);
      assert.equal(looksLikeReport(text), true, describeSignals(text));
    });
  }

  it('detects the seed (scraped page with pinyin glosses and GBK damage)', () => {
    const text = readSeed('chongqing-minjin-2017-scraped.txt');
    assert.equal(looksLikeReport(text), true, describeSignals(text));
  });

  it('detects a report with CRLF line ends and U+3000 indents', () => {
    const text = '关于2024年工作的报告\r\n\r\n　　一、主要成效\r\n\r\n　　过去一年，我们认真贯彻落实各项部署。\r\n\r\n　　二、存在问题\r\n\r\n　　（一）发展不平衡\r\n\r\n　　部分地区发展仍然滞后。'.repeat(3);
    assert.equal(looksLikeReport(text), true, describeSignals(text));
  });
});

const STORY = `那年夏天，我第一次一个人坐火车去外婆家。火车在山谷里慢慢地穿行，窗外是一片又一片的稻田，偶尔能看见几只白鹭从水面上飞起来。

外婆住在河边的一座老房子里，门口有一棵很大的枇杷树。她知道我要来，早早就站在巷子口等着。看见我拎着箱子走过来，她笑得眼睛都眯成了一条缝，一边接过箱子，一边问我饿不饿。

晚饭是外婆亲手做的红烧鱼和炒青菜。她一直往我碗里夹菜，说城里的孩子太瘦了，要多吃一点。吃完饭，我们坐在院子里乘凉，她摇着蒲扇，给我讲她小时候在河里摸鱼的故事。

后来我长大了，去了很远的地方读书，又在另一座城市工作。每次想起那个夏天，我都会想起河边的风，想起枇杷树下外婆的笑声。那些日子过去很久了，可它们一直留在我的心里。
`;

const NEWS = `本报讯（记者 王磊）昨天上午，第十届滨江城市马拉松在新区体育中心鸣枪开跑，来自国内外的两万余名跑者参加了比赛。

今年的赛道经过重新设计，沿江而行，途经老城区、科技园和湿地公园，全程42.195公里。赛事组委会在沿途设置了二十个补给站和十二个医疗点，并首次启用了智能计时系统，跑者可以通过手机实时查看自己的成绩。

男子组冠军由肯尼亚选手以2小时09分获得，女子组冠军则被本地选手李欣收入囊中。李欣在赛后接受采访时说，家门口的比赛让她格外兴奋，沿途市民的加油声给了她很大的动力。

据了解，本次马拉松还吸引了大批游客前来观赛，周边酒店的入住率比平时提高了三成左右。组委会表示，明年将继续优化赛事服务，让更多市民享受跑步的乐趣。
`;

const NOVEL = `第一章 重逢

雨下了整整一夜。林晓推开咖啡馆的门，门上的铃铛叮当一响，她下意识地抬起头，看见靠窗的位置上坐着一个熟悉的背影。

十年了。她以为自己早就忘了，可是那个背影一出现，所有的记忆都一下子涌了回来：操场边的梧桐树，晚自习后昏黄的路灯，还有毕业那天他没说出口的那句话。

“好久不见。”他转过身来，笑了笑，好像这十年只是一个下午。

她在他对面坐下，服务员端来两杯热可可。窗外的雨渐渐小了，街上的行人撑着伞匆匆走过，谁也没有注意到这个角落里的两个人。
`;

const RECIPE = `番茄炒蛋的做法

材料：番茄两个，鸡蛋三个，盐少许，糖少许。

1. 番茄洗净切块，鸡蛋打散备用。
2. 锅中倒油，油热后倒入蛋液，炒至凝固后盛出。
3. 锅中再倒少许油，放入番茄翻炒出汁。
4. 倒入炒好的鸡蛋，加盐和糖调味，翻炒均匀即可出锅。

小贴士：番茄可以先用开水烫一下去皮，口感会更好。如果喜欢汤汁多一些，可以加半碗清水，小火焖两分钟再出锅。
`;

const CHAT = `张伟 2024-03-05 10:21
大家好，明天下午三点开会，别忘了带电脑。

李娜 2024-03-05 10:22
收到！会议室在几楼？

张伟 2024-03-05 10:23
三楼东边那间，上次那个。

王强 2024-03-05 10:30
我可能会晚十分钟，先开始吧，不用等我。

李娜 2024-03-05 10:31
好的，那我先把材料打印出来。

张伟 2024-03-05 10:35
辛苦了，顺便把上个月的数据也带上，老板可能要看。

王强 2024-03-05 11:02
没问题，中午一起吃饭吗？楼下新开了一家面馆。

李娜 2024-03-05 11:03
好呀，十二点楼下见。
`;

const JAVASCRIPT = `// 计算购物车的总价
function totalPrice(items) {
  let sum = 0;
  for (const item of items) {
    // 一、先算单价乘以数量
    sum += item.price * item.count;
  }
  // 二、再减去优惠券
  return Math.max(0, sum - coupon(items));
}

/**
 * 优惠券规则：满一百减十
 */
function coupon(items) {
  return items.length > 0 ? 10 : 0;
}
`;

const PYTHON = `# -*- coding: utf-8 -*-
"""读取配置文件并打印报告"""
import json


def load(path):
    # 第一步：打开文件
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    cfg = load("config.json")
    # 一、打印标题
    print("报告标题：", cfg["title"])
    # 二、打印各章节
    # 三、打印附录
    for i, section in enumerate(cfg["sections"], 1):
        print(f"{i}. {section}")


if __name__ == "__main__":
    main()
`;

const ENGLISH = `Annual Report 2024

1. Introduction

The committee met four times during the year to review the progress of the programme.

2. Findings

2.1 Budget

Spending remained within the approved budget, and the reserve was not used.

2.2 Staffing

Two new members joined the team in March.

3. Recommendations

The committee recommends continuing the current approach for another year.
`;

describe('looksLikeReport: documents that are not reports', () => {
  const negatives: Record<string, string> = {
    'a story (Chinese prose without structure)': STORY,
    'a news article': NEWS,
    'a novel chapter with one 第一章 heading': NOVEL,
    'a recipe with a title and 1. 2. 3. steps': RECIPE,
    'a Chinese chat log': CHAT,
    'JavaScript with Chinese comments (一、 二、 in comments)': JAVASCRIPT,
    'Python with Chinese comments and strings': PYTHON,
    'English text with numbered sections': ENGLISH,
    'an empty document': '',
  };
  for (const [name, text] of Object.entries(negatives)) {
    it(`does not detect ${name}`, () => {
      assert.equal(looksLikeReport(text), false, describeSignals(text));
    });
  }

  it('does not detect the corpus README (English Markdown quoting Chinese examples)', () => {
    const readme = path.join(CORPUS_DIR, 'README.md');
    assert.ok(existsSync(readme), `${readme} is missing`);
    const text = readCorpus('README.md');
    assert.equal(looksLikeReport(text), false, describeSignals(text));
  });
});

describe('reportSignals', () => {
  it('counts structural heading lines of every kind, after blanks, U+3000, zero-width spaces and #', () => {
    const lines = [
      '## 第一章 总则',
      '第 1 條',
      '第 174-1 條',
      '第十七条之一 已满七十五周岁的人故意犯罪的',
      '　　一、主要成效',
      '\u200b（一）深入落实城市总体规划',
      '(二)组织指导本行政区域内的工作',
      '（1）坚持稳中求进',
      '6.1　伤后因其他原因死亡的个体',
      '①工会学校',
    ];
    assert.equal(reportSignals(lines.join('\n')).headings, lines.length);
  });

  it('counts Taiwan-style 壹、貳、參、 headings (and 壹、贰、, （壹）) like 一、', () => {
    const formal = ['壹、程序部分：', '貳、有罪部分：', '參、檢察官對於原審判決之上訴', '　　肆、結論', '（壹）總說'];
    const plain = ['一、程序部分：', '二、有罪部分：', '三、檢察官對於原審判決之上訴', '　　四、結論', '（一）總說'];
    assert.equal(reportSignals(formal.join('\n')).headings, formal.length);
    assert.equal(reportSignals(formal.join('\n')).headings, reportSignals(plain.join('\n')).headings);
    assert.equal(reportSignals('壹、总则\n贰、职责\n叁、附则').headings, 3);
    // a formal numeral inside a sentence, or glued to other numerals, is no heading
    assert.equal(reportSignals('壹仟元整、貳佰元\n壹二、混写').headings, 0);
  });

  it('a Taiwan judgment whose only top headings are 壹、貳、參、 counts them (the Kinmen appeal, kinds/)', () => {
    const file = path.join(CORPUS_DIR, 'kinds', 'tw_judgment_2009_kinmen_high_court_wildlife_conservation_appeal.txt');
    if (!existsSync(file)) assert.fail(`missing ${file}: the tests need ../shared/corpus`);
    const text = readFileSync(file, 'utf8');
    const withoutFormal = text.replace(/^([ \u3000]*)[壹貳參]、/gm, '$1X、');
    assert.equal(reportSignals(text).headings - reportSignals(withoutFormal).headings, 3);
  });

  it('does not count decimals, cited articles, 1. items, run-in enumerations or dash items', () => {
    const lines = ['7.9公分的创口', '依照本法第十条的规定', '1. 番茄洗净切块', '一是扩大内需。', '——经济运行保持在合理区间。', '第三章规定的'];
    assert.equal(reportSignals(lines.join('\n')).headings, 0);
  });

  it('finds a salutation or a session phrase as a genre cue', () => {
    assert.equal(reportSignals('各位代表：\n现在，我代表国务院作报告。').genreCue, true);
    assert.equal(reportSignals('第十四届全国人民代表大会第三次会议听取和审议了报告').genreCue, true);
    assert.equal(reportSignals('今天天气很好，我们去公园散步。').genreCue, false);
  });

  it('reads only the first SAMPLE_CHARS characters', () => {
    const prose = '这是一段没有结构的普通文字，用来填充文档的开头部分。\n'.repeat(Math.ceil(SAMPLE_CHARS / 20));
    const headingsAfterSample = '一、标题\n二、标题\n三、标题\n四、标题\n';
    assert.ok(prose.length > SAMPLE_CHARS);
    assert.equal(looksLikeReport(headingsAfterSample + prose), true);
    assert.equal(looksLikeReport(prose + headingsAfterSample), false);
  });

  it('reads only its sample of large and pathological input (its work is bounded by the sample, not the file)', () => {
    const inputs = ['第'.repeat(5_000_000), '“'.repeat(5_000_000), '一、'.repeat(2_000_000), '\n'.repeat(5_000_000), ('　'.repeat(79) + '\n').repeat(60_000)];
    for (const text of inputs) {
      // what lies past the sample cannot change the answer: the same text cut just after the sample answers the same
      assert.equal(looksLikeReport(text), looksLikeReport(text.slice(0, SAMPLE_CHARS + 2)), JSON.stringify(text.slice(0, 4)));
      assert.equal(looksLikeReport(text + '\n一、标题\n二、标题\n三、标题\n'), looksLikeReport(text), JSON.stringify(text.slice(0, 4)));
    }
  });
});
