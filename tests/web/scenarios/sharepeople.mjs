// Another person on the desktop's share (sharing.md "Who is who"), against run.mjs
// --desktop-share: the owner makes an account for them (name + password) and lets other
// people use the owner's OpenAI key; they sign in on the share's page with the name, see none
// of the owner's chats, and a reply streams with the owner's key, which they never see.

import { waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { sendAndSeeReplyStart, expectedReply, expectCompleteReply } from './common.mjs';

export default {
    name: 'sharepeople',
    title: 'Desktop share: an account the owner made signs in by name and chats with the shared key',
    desktopShare: true,
    allowConsole: [/An SSL certificate error occurred when fetching the script/],
    async run(t) {
        const { page, share } = t;
        const person = { email: `Robin ${t.viewport}`, password: `robins-password-${t.viewport}` };
        await t.step('the owner makes an account for Robin and shares the OpenAI key', async () => {
            await share.makeAccount(person.email, person.password);
            await share.shareKey('openai');
        });
        await t.step('Robin signs in with the name', () => ui.signIn(page, t.origin, person));
        await t.step('start a new chat', () => ui.newChat(page));
        const prompt = `Hello from Robin on the ${t.viewport} [tokens=20] [pace=20]`;
        const article = await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply streams in with the owner\'s key, complete and exact',
            () => expectCompleteReply(article, expectedReply(t.fake, prompt)));
        await t.step('the owner\'s key reached the provider, and the page never held it', async () => {
            const request = t.fake.requestsFor(prompt).filter((r) => r.kind === 'reply').at(-1);
            check(request, `the fake asked about "${prompt}"`, 'no request');
            const html = await page.content();
            check(!html.includes(t.env.providerKey), 'no trace of the owner\'s key in the page', 'the key is in the page');
        });
    },
};
