// SPDX-License-Identifier: MIT
// check.mjs CHROMIUM PROFILE ARTIFACTS SPEC...: the HTML pages progdiff
// writes, checked in one headless Chromium driven over the DevTools
// protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out, messages
// ending in NUL), so that one browser start serves every page.
//
// Each SPEC is "NAME=FILE.html" plus, after a "|", a JSON object of what
// the page must hold: {"ins": [...], "del": [...], "svg": true,
// "hostile": true}. For every page: no request other than the page itself,
// no console message of error or warning level, no exception, no dialog;
// every link to "#id" finds its element; the words in "ins" are inside
// <ins> elements and those in "del" inside <del>; printed with the
// browser's default paper set to Letter, the page's own stylesheet makes
// the PDF A4 (the caller counts and measures the pages with pdfinfo); a
// screenshot is kept. A hostile page must have no element from its text:
// one script (ours), no img, iframe, svg outside the chart, no
// javascript: link, and its headings show the markup as text.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [chromium, profile, artifacts, ...specs] = process.argv.slice(2);
let pass = 0, fail = 0;
const ok = (cond, what) => {
	if (cond) { pass++; console.log(`ok   browser/${what}`); }
	else { fail++; console.log(`FAIL browser/${what}`); }
	return cond;
};

const child = spawn(chromium, [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync',
	'--disable-extensions', '--remote-debugging-pipe',
	`--user-data-dir=${profile}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const toBrowser = child.stdio[3], fromBrowser = child.stdio[4];
let nextId = 1, buffered = '';
const pending = new Map(), listeners = [];

fromBrowser.on('data', (chunk) => {
	buffered += chunk.toString('utf8');
	let end;
	while ((end = buffered.indexOf('\0')) >= 0) {
		const msg = JSON.parse(buffered.slice(0, end));
		buffered = buffered.slice(end + 1);
		if (msg.id && pending.has(msg.id)) {
			const { resolve, reject } = pending.get(msg.id);
			pending.delete(msg.id);
			if (msg.error) reject(new Error(JSON.stringify(msg.error)));
			else resolve(msg.result);
		} else if (msg.method) {
			for (const l of listeners.slice()) l(msg);
		}
	}
});

function send(method, params = {}, sessionId) {
	const id = nextId++;
	const msg = { id, method, params };
	if (sessionId) msg.sessionId = sessionId;
	toBrowser.write(JSON.stringify(msg) + '\0');
	return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

function once(method, sessionId) {
	return new Promise((resolve) => {
		const l = (msg) => {
			if (msg.method === method && msg.sessionId === sessionId) {
				listeners.splice(listeners.indexOf(l), 1);
				resolve(msg.params);
			}
		};
		listeners.push(l);
	});
}

// what the page holds, computed inside it
function probe() {
	const links = [...document.querySelectorAll('a[href]')];
	const missing = links.map((a) => a.getAttribute('href'))
		.filter((h) => !h.startsWith('#') ||
		        !document.getElementById(decodeURIComponent(h.slice(1))));
	const text = (sel) => [...document.querySelectorAll(sel)]
		.map((e) => e.textContent).join('\n');
	const inChart = (e) => e.closest('svg') && e.closest('.chart');
	return {
		links: links.length,
		missing,
		ins: text('ins'),
		del: text('del'),
		scripts: document.scripts.length,
		imgs: document.querySelectorAll('img, iframe, object, embed, ' +
			'video, audio, link, base, form').length,
		svgs: [...document.querySelectorAll('svg')]
			.filter((e) => !inChart(e)).length,
		chart: document.querySelectorAll('.chart svg .lane').length,
		jsLinks: [...document.querySelectorAll('[href], [src]')]
			.filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ||
			        e.getAttribute('src') || '')).length,
		handlers: [...document.querySelectorAll('*')].filter((e) =>
			[...e.attributes].some((a) => /^on/i.test(a.name))).length,
		headings: text('h1, h2, h3, h4, h5, h6'),
		body: document.body.innerText,
		visible: document.body.offsetHeight > 0,
		rlo: document.documentElement.outerHTML.includes('\u202e'),
		lang: document.documentElement.lang,
		tables: document.querySelectorAll('table').length,
	};
}

async function main() {
	const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
	const { sessionId } = await send('Target.attachToTarget',
		{ targetId, flatten: true });
	const s = (m, p) => send(m, p, sessionId);
	const seen = { requests: [], console: [], dialogs: 0 };
	listeners.push((msg) => {
		if (msg.sessionId !== sessionId) return;
		const p = msg.params;
		if (msg.method === 'Network.requestWillBeSent') seen.requests.push(p.request.url);
		if (msg.method === 'Runtime.consoleAPICalled' &&
		    (p.type === 'error' || p.type === 'warning' || p.type === 'assert'))
			seen.console.push(p.args.map((a) => a.value).join(' '));
		if (msg.method === 'Runtime.exceptionThrown')
			seen.console.push(p.exceptionDetails.text);
		if (msg.method === 'Log.entryAdded' &&
		    (p.entry.level === 'error' || p.entry.level === 'warning'))
			seen.console.push(p.entry.text);
		if (msg.method === 'Page.javascriptDialogOpening') {
			seen.dialogs++;
			s('Page.handleJavaScriptDialog', { accept: true });
		}
	});
	for (const m of ['Page.enable', 'Runtime.enable', 'Network.enable', 'Log.enable'])
		await s(m);

	for (const spec of specs) {
		const bar = spec.indexOf('|');
		const [name, file] = spec.slice(0, bar).split('=');
		const want = JSON.parse(spec.slice(bar + 1));
		const url = 'file://' + file;
		seen.requests = []; seen.console = []; seen.dialogs = 0;
		const loaded = once('Page.loadEventFired', sessionId);
		await s('Page.navigate', { url });
		await loaded;
		const { result } = await s('Runtime.evaluate',
			{ expression: `(${probe.toString()})()`, returnByValue: true });
		const r = result.value;
		// keys for the next change work: n focuses the first mark
		await s('Input.dispatchKeyEvent', { type: 'keyDown', key: 'n', text: 'n' });
		const focus = (await s('Runtime.evaluate', { expression:
			'document.activeElement && document.activeElement.id',
			returnByValue: true })).result.value;

		const others = seen.requests.filter((u) => u !== url);
		ok(others.length === 0, `${name}: no request but the page itself` +
			(others.length ? ` (${others.join(', ')})` : ''));
		ok(seen.console.length === 0, `${name}: no console error or warning` +
			(seen.console.length ? ` (${seen.console.join('; ')})` : ''));
		ok(seen.dialogs === 0, `${name}: no dialog opened`);
		ok(r.missing.length === 0, `${name}: all ${r.links} links find their ` +
			`element` + (r.missing.length ? ` (missing: ${r.missing.join(' ')})` : ''));
		ok(r.visible, `${name}: the page shows`);
		for (const w of want.ins || [])
			ok(r.ins.includes(w), `${name}: inserted "${w}" is in <ins>`);
		for (const w of want.del || [])
			ok(r.del.includes(w), `${name}: deleted "${w}" is in <del>`);
		if (want.lang) ok(r.lang === want.lang, `${name}: lang="${want.lang}"`);
		if (want.keys) ok(focus === 'c1', `${name}: key n goes to the first change (${focus})`);
		if (want.svg) {
			ok(r.chart >= want.svg, `${name}: the chart draws ${r.chart} lanes`);
			ok(r.tables >= 1, `${name}: a table holds the same facts`);
		}
		if (want.hostile) {
			ok(r.scripts <= 1, `${name}: no script from the documents (${r.scripts})`);
			ok(r.imgs === 0, `${name}: no img, iframe or other element from the documents`);
			ok(r.svgs === 0, `${name}: no svg from the documents`);
			ok(r.jsLinks === 0, `${name}: no javascript: link`);
			ok(r.handlers === 0, `${name}: no event handler attribute`);
			ok(r.headings.includes("<script>alert('t')</script>"),
				`${name}: a heading shows <script> as text`);
			ok(r.body.includes('</style><b>bold</b>'), `${name}: </style> shows as text`);
			ok(!r.rlo && r.body.includes('\\u{202e}'),
				`${name}: right-to-left overrides are shown, not applied`);
		}
		const pdf = await s('Page.printToPDF', { preferCSSPageSize: true,
			paperWidth: 8.5, paperHeight: 11, printBackground: true });
		writeFileSync(`${artifacts}/${name}.pdf`, Buffer.from(pdf.data, 'base64'));
		const png = await s('Page.captureScreenshot', { format: 'png' });
		writeFileSync(`${artifacts}/${name}.png`, Buffer.from(png.data, 'base64'));
	}
	await send('Browser.close').catch(() => {});
}

main().catch((e) => { fail++; console.log(`FAIL browser: ${e.message}`); })
	.finally(() => {
		console.log(`browser-pages: ${pass} passed, ${fail} failed`);
		child.kill();
		process.exit(fail ? 1 : 0);
	});
