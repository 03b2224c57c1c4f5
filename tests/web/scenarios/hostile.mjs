// Model output is untrusted: hostile Markdown/HTML (script tags, <img onerror>, javascript:
// links, iframes, style attributes, remote images, …) must stay inert. The traps of
// browser.mjs record any script that runs (window.__pwned, alert, …), any CSP violation and any
// request that leaves the test's hosts; this scenario also inspects what was rendered.

import { waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, expectedReply } from './common.mjs';

export default {
    name: 'hostile',
    title: 'Hostile Markdown stays inert (no script, no on* attribute, safe links, no remote image)',
    async run(t) {
        const { page, guards } = t;
        const prompt = `Render this ${t.viewport} [md-hostile]`;
        await signedInNewChat(t, 'hostile');
        const article = await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply completes', () => expectCompleteReply(article, expectedReply(t.fake, prompt)));
        await t.step('the reply text shows', () => waitUntil('"End of hostile content." in the reply', async () => {
            const text = await ui.text(article);
            return { ok: text.includes('End of hostile content.'), seen: `"${text.slice(-120)}"` };
        }));

        await t.step('give late handlers (onerror, onload, autofocus) a chance, then no script ran', async () => {
            // Focus moves around and images settle: the moments hostile handlers wait for.
            await page.keyboard.press('Tab');
            await page.keyboard.press('Tab');
            await page.waitForTimeout(1000);
            check(guards.pwned.length === 0, 'no hostile script to run (window.__pwned untouched)', guards.pwned.join(', '));
        });

        await t.step('no element anywhere has an on* attribute', async () => {
            const found = await page.evaluate(() => {
                const out = [];
                for (const el of document.querySelectorAll('*'))
                    for (const a of el.attributes)
                        if (/^on/i.test(a.name))
                            out.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
                return out;
            });
            check(found.length === 0, 'no on* attribute in the document', found.slice(0, 8).join(' '));
        });

        const rendered = await t.step('inspect what the reply rendered', () => article.evaluate((root) => {
            const links = [...root.querySelectorAll('a')].map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href'), rel: a.rel, target: a.target }));
            const dangerous = [...root.querySelectorAll('script, iframe, frame, object, embed, form, input, meta, base, link, style, svg script')]
                .map((e) => `<${e.localName}>`);
            const images = [...root.querySelectorAll('img')].map((i) => i.getAttribute('src'));
            const styled = [...root.querySelectorAll('[style]')].map((e) => e.getAttribute('style')).filter((s) => /position|f00|fixed|100v/i.test(s));
            const codeText = [...root.querySelectorAll('pre, code')].map((e) => e.textContent).join('\n');
            return { links, dangerous, images, styled, codeText };
        }));

        await t.step('no script, iframe, object, embed, form, input, meta, base, link or style element in the reply', () =>
            check(rendered.dangerous.length === 0, 'none of them', rendered.dangerous.join(' ')));

        await t.step('links: only http(s)/mailto addresses, each with rel "noopener"', () => {
            const bad = rendered.links.filter((l) => l.href !== null && !/^(https?:|mailto:)/i.test(l.href.trim()));
            check(bad.length === 0, 'no javascript:, data: or other link addresses', JSON.stringify(bad));
            const noRel = rendered.links.filter((l) => l.href !== null && !/\bnoopener\b/.test(l.rel));
            check(noRel.length === 0, 'rel containing "noopener" on every link', JSON.stringify(noRel));
            check(rendered.links.some((l) => l.href === 'https://example.invalid/docs'), 'the normal link kept', JSON.stringify(rendered.links));
        });

        await t.step('no remote or script image', () => {
            const bad = rendered.images.filter((src) => src !== null && !/^(data:image\/|blob:|\/)/.test(src) && !src.startsWith(t.origin));
            check(bad.length === 0, 'no <img> with a remote or javascript: address', JSON.stringify(bad));
            check(guards.external.length === 0, 'no request to a remote host', guards.external.join(', '));
        });

        await t.step('no style attribute from the model (no full-page overlay)', async () => {
            check(rendered.styled.length === 0, 'no style attribute carrying the hostile overlay', JSON.stringify(rendered.styled));
            const covered = await page.evaluate(() => {
                const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
                return el && el.textContent.trim() === 'OVERLAY';
            });
            check(!covered, 'the page not covered by the hostile overlay', 'the overlay covers the page centre');
        });

        await t.step('HTML inside a code block shows as text', () =>
            check(rendered.codeText.includes('<script>window.__pwned("inside-code")</script>'), 'the literal "<script>…" in the code block', rendered.codeText.slice(0, 200)));
    },
};
