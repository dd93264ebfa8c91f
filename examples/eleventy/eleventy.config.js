import { renderToString } from 'passkey-elements/ssr';

/**
 * Every page's <body> goes through passkey-elements/ssr at build time: the elements in it arrive
 * with their shadow DOM (declarative, styled, in the page's language), so that the button paints
 * before any script, and on a visitor without JavaScript.
 */
export default function (eleventyConfig) {
  eleventyConfig.addTransform('passkey-elements-ssr', async function (content) {
    if (!this.page.outputPath?.endsWith('.html')) return content;
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(content)?.[1] ?? 'en';
    const match = /(<body[^>]*>)([\s\S]*)(<\/body>)/.exec(content);
    if (!match) return content;
    const [, open, body, close] = match;
    return content.replace(match[0], `${open}${await renderToString(body, { lang })}${close}`);
  });
  return { dir: { input: 'src', output: '_site' } };
}
