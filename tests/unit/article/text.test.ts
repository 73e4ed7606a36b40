// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { articleText } from '../../../utils/article/text';

const html = (s: string) => {
  const div = document.createElement('div');
  div.innerHTML = s; // test fixture, not page-derived
  return div;
};

describe('articleText', () => {
  it.each([
    ['<p>One  two</p><p>three</p>', 'One two\n\nthree'],
    ['<p>a<br>b</p>', 'a\nb'],
    ['<ul> <li>x</li> <li>y</li> </ul>', 'x\n\ny'],
    ['<p>  lead <b>bold</b> tail </p>', 'lead bold tail'],
    ['<p>Vladi\u00admir</p>', 'Vladimir'],
    ['<div><script>var x</script><p>t</p></div>', 't'],
  ])('%s', (input, expected) => {
    expect(articleText(html(input))).toBe(expected);
  });
});
