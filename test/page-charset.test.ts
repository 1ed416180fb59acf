// Pages decoded as browsers decode them: a byte order mark, then the
// Content-Type header's charset, then the <meta> prescan of the first 1,024
// bytes; and a story kept garbled by a wrong charset is read again from its
// page, while a clean one is never replaced by a garbled read. Pages are in
// windows-1252 and served on 127.0.0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {after, before, test} from 'node:test';
import {normalizeEncoding} from '@exodus/bytes/encoding.js';
import fc from 'fast-check';
import {dataFolder} from '../source/data/data-folder.js';
import {fetchFullStory} from '../source/feeds/full-story.js';
import {DEFAULT_LIMITS} from '../source/feeds/limits.js';
import {metaCharset} from '../source/feeds/page-charset.js';
import {rss2, serveXml, startFeedServer, storyPage, summaryItem, type FeedServer} from './feed-server.js';
import {fuzzParameters, timed} from './fuzz.js';
import {copyOfShippedData, isolatedEnv, runDevnews} from './helpers.js';

let server: FeedServer;
const limits = {...DEFAULT_LIMITS, timeoutMs: 3000};
const QUOTED = 'It’s “quoted” – €100';
// What a UTF-8 page of the same words becomes read as windows-1252.
const MOJIBAKE = 'Itâ€™s â€œquotedâ€\u009D â€“ â‚¬100';

/** `text` in windows-1252: latin1, with the curly quotes, the dash and the euro at 0x80–0x9F. */
function cp1252(text: string): Buffer {
	const high: Record<string, number> = {'€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96};
	return Buffer.from([...text].map(char => high[char] ?? char.codePointAt(0)!));
}

/** The fixture story page with `head` for its <meta charset>, and the quoted words in its first paragraph. */
const page = (head: string, paragraph = QUOTED) =>
	storyPage()
		.replace('<meta charset="utf-8">', head)
		.replace('The city council voted on Monday', `${paragraph} The city council voted on Monday`);

before(async () => {
	server = await startFeedServer();
});

after(async () => server.close());


async function firstParagraph(route: string, body: Buffer, contentType = 'text/html'): Promise<string> {
	server.route(route, serveXml(body, {contentType}));
	const full = await fetchFullStory(summaryItem(server.url(route), server.url('/feed')), limits);
	return full.body[0]!;
}

test('a windows-1252 page that names its charset only in <meta charset> or http-equiv is read in it', async () => {
	assert.match(await firstParagraph('/meta-charset', cp1252(page('<meta charset="windows-1252">'))), new RegExp(`^${QUOTED}`));
	assert.match(await firstParagraph('/http-equiv', cp1252(page('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">'))), new RegExp(`^${QUOTED}`), 'latin1 means windows-1252');
	assert.match(await firstParagraph('/unquoted', cp1252(page('<meta charset=cp1252>'))), new RegExp(`^${QUOTED}`));
});

test("the header's charset wins over the page's, and a byte order mark over both", async () => {
	const utf8 = Buffer.from(page('<meta charset="windows-1252">'));
	assert.match(await firstParagraph('/header', utf8, 'text/html; charset=utf-8'), new RegExp(`^${QUOTED}`));
	const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
	assert.match(await firstParagraph('/bom', withBom, 'text/html; charset=windows-1252'), new RegExp(`^${QUOTED}`));
	assert.match(await firstParagraph('/bom-unknown', withBom, 'text/html; charset=x-no-such-charset'), new RegExp(`^${QUOTED}`), 'even over a label no browser knows');
});

test('the prescan reads tags as a browser does: the first 1,024 bytes, no comments, no content= without http-equiv', () => {
	const bytes = (html: string) => Buffer.from(html);
	assert.equal(metaCharset(bytes('<!doctype html><html><head><meta charset="windows-1252">')), 'windows-1252');
	assert.equal(metaCharset(bytes('<!-- <meta charset="koi8-r"> --><meta charset="iso-8859-2">')), 'iso-8859-2');
	assert.equal(metaCharset(bytes('<meta name="x" content="text/html; charset=koi8-r"><meta charset=utf-8>')), 'utf-8', 'content= counts only beside http-equiv');
	assert.equal(metaCharset(bytes('<meta content="text/html; charset=\'koi8-r\'" http-equiv="content-type">')), 'koi8-r', 'in either order');
	assert.equal(metaCharset(bytes('<div title="<meta charset=koi8-r>"><meta charset="iso-8859-5">')), 'iso-8859-5', 'a quoted value is not a tag');
	assert.equal(metaCharset(bytes('<meta charset="utf-16le">')), 'utf-8', 'a page written in ASCII bytes is not UTF-16');
	assert.equal(metaCharset(bytes('<meta charset="no-such-charset"><meta charset="koi8-r">')), 'koi8-r');
	assert.equal(metaCharset(bytes(`<title>${'x'.repeat(1024)}</title><meta charset="windows-1252">`)), undefined, 'past the first 1,024 bytes');
	assert.equal(metaCharset(bytes('<meta charset="windows-1252"')), undefined, 'a tag cut off by the end');
});

test("any page's first bytes give the prescan an encoding's name or none, and never hold it up", () => {
	const piece = fc.constantFrom('<', '>', '<!--', '-->', '<meta', ' ', '/', '=', '"', "'", 'charset', 'http-equiv', 'content-type', 'content', ';', 'koi8-r', 'utf-16', '<a', '</', '<?', '<!');
	const html = fc.oneof(
		fc.array(piece, {maxLength: 400}).map(pieces => Buffer.from(pieces.join(''))),
		fc.uint8Array({maxLength: 2000}),
	);
	fc.assert(
		fc.property(html, bytes => {
			const {value: found, ms} = timed(() => metaCharset(bytes));
			assert.ok(found === undefined || normalizeEncoding(found) === found, String(found));
			assert.ok(ms < 100, `took ${ms} ms`);
		}),
		fuzzParameters(),
	);
});

test('a story kept garbled is read again from its page when opened; a garbled copy never replaces the clean story', async () => {
	const env = isolatedEnv();
	server.route('/garbled-story', serveXml(cp1252(page('<meta charset="windows-1252">')), {contentType: 'text/html'}));
	// The feed carries the story in full, as it was once kept: UTF-8 read as windows-1252.
	server.route('/feed', serveXml(rss2([{id: 'g1', title: 'Synthetic garbled story', content: `<p>${MOJIBAKE} A garbled paragraph.</p>`, link: server.url('/garbled-story')}])));
	const data = copyOfShippedData();
	fs.writeFileSync(dataFolder(data).feeds, JSON.stringify([{url: server.url('/feed')}]));
	assert.equal((await runDevnews(['fetch', '--data', data], env)).code, 0);
	const [found] = JSON.parse((await runDevnews(['search', 'garbled', '--json', '--data', data], env)).stdout) as Array<{id: string}>;
	const read = await runDevnews(['read', found!.id, '--data', data], env);
	assert.equal(read.code, 0, read.stderr);
	assert.match(read.stdout, new RegExp(`${QUOTED} The city council voted on Monday`), 'read again from its page');
	assert.doesNotMatch(read.stdout, /â€/);
	assert.equal(server.requests.get('/garbled-story')?.length, 1);
	assert.equal((await runDevnews(['fetch', '--data', data], env)).code, 0, 'the feed sends its garbled copy again');
	const again = await runDevnews(['read', found!.id, '--data', data], env);
	assert.match(again.stdout, new RegExp(`${QUOTED} The city council voted on Monday`), 'the clean story stays');
	assert.equal(server.requests.get('/garbled-story')?.length, 1, 'and is not fetched again');
});
