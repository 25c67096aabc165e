export { toJson } from './json.ts';
export { toJunitXml } from './junit.ts';
export { toHtml } from './html.ts';
