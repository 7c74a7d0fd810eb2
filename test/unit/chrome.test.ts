// Page chrome and 公文 front matter are told apart: front matter is the document's own, never web chrome.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isAboveText, isChromeLine, isOfficialFrontMatter } from '../../server/src/core/chrome';
import { analyze } from '../../server/src/core';

const FRONT_MATTER = ['特急', '机密★1年', '絕密', '北京市人民政府文件', '国务院办公厅文件', '中共北京市委文件', '國家發展委員會文件', '臨立會236/96-97號文件', '內務委員會會議文件', '京政发〔2025〕1号', '國發［2024］12號', '签发人：张三'];
const CHROME = ['打印本页', '当前位置：首页 > 政务公开', '【字号：大 中 小】', '下载 打印 全屏', '来源：市政府办公厅', '责任编辑：李四'];

describe('chrome.ts: page chrome and 公文 front matter', () => {
  it('公文 front matter is not page chrome, but it is never a title or heading either', () => {
    for (const line of FRONT_MATTER) {
      assert.equal(isChromeLine(line), false, line);
      assert.equal(isOfficialFrontMatter(line), true, line);
      assert.equal(isAboveText(line), true, line);
    }
  });

  it('a section titled 引用文件 is no 红头: an issuer line ends in an organ\'s name and 文件', () => {
    for (const line of ['引用文件', '规范性引用文件', '規範性引用文件', '相关文件', '参考文件']) {
      assert.equal(isOfficialFrontMatter(line), false, line);
      assert.equal(isAboveText(line), false, line);
    }
  });

  it('page chrome is chrome and not front matter', () => {
    for (const line of CHROME) {
      assert.equal(isChromeLine(line), true, line);
      assert.equal(isOfficialFrontMatter(line), false, line);
      assert.equal(isAboveText(line), true, line);
    }
  });

  it('breadcrumbs and links to more text are chrome; a comparison with > is not', () => {
    for (const line of ['设计说明| 当前位置:园林吧 > 行业热点 > 建筑装饰工程施工合同', '首页 > 政务公开 > 政策文件', '首页 » 新闻 » 正文', '查看更多', '更多>>', '阅读全文', ':::', '手機版選單', '正文复制']) {
      assert.equal(isChromeLine(line), true, line);
    }
    for (const line of ['收入增速 > 支出增速', '当 x > 0 且 y > 0 时，函数单调递增。', '更多的企业参与进来。', '我国产业在全球分工中的当前位置']) {
      assert.equal(isChromeLine(line), false, line);
    }
  });

  it('ordinary text is neither', () => {
    for (const line of ['北京市人民政府关于加强安全生产工作的通知', '一、总体要求', '各区人民政府：', '现将有关事项通知如下。']) {
      assert.equal(isAboveText(line), false, line);
    }
  });

  it('the outline still skips front matter for the title', () => {
    const model = analyze('特急\n北京市人民政府文件\n京政发〔2025〕1号\n北京市人民政府关于加强安全生产工作的通知\n各区人民政府：\n现将有关事项通知如下。\n一、总体要求\n二、工作措施\n');
    assert.equal(model.headings[0]?.kind, 'title');
    assert.equal(model.headings[0]?.title, '北京市人民政府关于加强安全生产工作的通知');
  });
});
