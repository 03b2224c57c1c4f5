// What the fake provider answers, decided by markers in the user's message.
// Pure functions: the scenarios call them too, to know the exact full text a reply must end as.
//
//   [slow]         ~300 numbered tokens, 30 ms apart (time to Stop, reload or go offline mid-stream)
//   [think]        reasoning deltas ("Thinking") before the answer
//   [code]         an answer with a fenced code block
//   [wide]         a very wide code block and a very wide table
//   [md-hostile]   hostile Markdown/HTML (see hostileMarkdown)
//   [fail]         the provider answers HTTP 400 with an OpenAI-shaped error
//   [fail-once]    the same for the first request only (Retry then works)
//   [tokens=N]     N numbered tokens
//   [pace=MS]      MS milliseconds between tokens
// Anything else: a short answer of a few numbered tokens.
// The n-th request for the same prompt (Regenerate, Edit to the same text) gets variant n, so
// two versions of a reply never have the same text.

import { createHash } from 'node:crypto';

export const CONTINUE_INSTRUCTION_START = 'Your previous answer was cut off.';
export const TITLE_INSTRUCTION_START = 'You name conversations.';

// A short tag unique to a prompt and variant: every token of its reply carries it.
export function tagFor(prompt, variant = 1) {
    const h = createHash('sha256').update(prompt).digest('hex').slice(0, 5);
    return variant === 1 ? `t${h}` : `t${h}v${variant}`;
}

function numberedTokens(tag, count) {
    const tokens = [];
    for (let i = 1; i <= count; i++) {
        // A paragraph break every 25 tokens: the rendered text is several <p>.
        const sep = i === count ? '' : (i % 25 === 0 ? '\n\n' : ' ');
        tokens.push(`${tag}-${String(i).padStart(3, '0')}${sep}`);
    }
    return tokens;
}

// Splits text into small pieces, as a provider streams them (words with their spaces).
export function splitTokens(text) {
    return text.match(/\s*\S+\s*/g) ?? [text];
}

export const hostileMarkdown = [
    'Hostile content follows.',
    '',
    '<script>window.__pwned("script-tag")</script>',
    '',
    '<img src="data:image/png;base64,AAAA" onerror="window.__pwned(\'img-onerror\')">',
    '',
    '[javascript link](javascript:window.__pwned(\'js-link\'))',
    '',
    '[mixed case link](JaVaScRiPt:window.__pwned(\'js-link-case\'))',
    '',
    '<a href="javascript:window.__pwned(\'raw-a\')">raw anchor</a>',
    '',
    '<a href="https://example.invalid/page" onclick="window.__pwned(\'onclick\')">anchor with onclick</a>',
    '',
    '[data link](data:text/html,<script>window.__pwned("data-link")</script>)',
    '',
    '<iframe src="javascript:window.__pwned(\'iframe-js\')"></iframe>',
    '',
    '<iframe srcdoc="<script>parent.__pwned(\'iframe-srcdoc\')</script>"></iframe>',
    '',
    '<svg><script>window.__pwned("svg-script")</script></svg>',
    '',
    '<svg onload="window.__pwned(\'svg-onload\')"></svg>',
    '',
    '<details open ontoggle="window.__pwned(\'ontoggle\')"><summary>details</summary>x</details>',
    '',
    '<input autofocus onfocus="window.__pwned(\'autofocus\')">',
    '',
    '<object data="javascript:window.__pwned(\'object\')"></object>',
    '',
    '<embed src="javascript:window.__pwned(\'embed\')">',
    '',
    '<form action="javascript:window.__pwned(\'form\')"><button>form button</button></form>',
    '',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned("mxss")></style></mglyph></table></mtext></math>',
    '',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned(\'meta\')">',
    '',
    '<base href="http://203.0.113.9/">',
    '',
    '<link rel="stylesheet" href="http://203.0.113.9/evil.css">',
    '',
    '<style>body { display: none !important; }</style>',
    '',
    '<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:#f00;z-index:99999">OVERLAY</div>',
    '',
    '![remote image](http://203.0.113.9/pixel.png)',
    '',
    '<img src="http://203.0.113.9/raw-pixel.png" alt="raw remote image">',
    '',
    '![script image](javascript:window.__pwned(\'img-js\'))',
    '',
    'A normal link: [example](https://example.invalid/docs).',
    '',
    '```html',
    '<script>window.__pwned("inside-code")</script>',
    '```',
    '',
    'End of hostile content.',
].join('\n');

export const CODE_SNIPPET = [
    'def greet(name: str) -> str:',
    '    """Say hello."""',
    '    return f"Hello, {name}!"',
    '',
    'print(greet("Teehee"))',
].join('\n');

const codeAnswer = [
    '## Greeting',
    '',
    'Here is a function:',
    '',
    '```python',
    CODE_SNIPPET,
    '```',
    '',
    '- It takes a name.',
    '- It returns a greeting.',
    '',
    '| Input | Output |',
    '| --- | --- |',
    '| `"Teehee"` | `Hello, Teehee!` |',
    '',
    'See [the docs](https://example.invalid/docs) for more.',
].join('\n');

function wideAnswer(tag) {
    const longLine = Array.from({ length: 40 }, (_, i) => `value_${i}`).join(' + ');
    const cols = Array.from({ length: 16 }, (_, i) => `Column ${i + 1} header`);
    return [
        `Wide content ${tag}:`,
        '',
        '```javascript',
        `const total = ${longLine};`,
        'console.log(total);',
        '```',
        '',
        `| ${cols.join(' | ')} |`,
        `| ${cols.map(() => '---').join(' | ')} |`,
        `| ${cols.map((_, i) => `cell-${i + 1}-a-fairly-long-value`).join(' | ')} |`,
        `| ${cols.map((_, i) => `cell-${i + 1}-b`).join(' | ')} |`,
        '',
        `An unbroken word: ${'x'.repeat(300)}`,
    ].join('\n');
}

// Prompts without visible markers, for screenshots: they act as the markers they stand for.
export const SCREENSHOT_PROMPT = 'Write a Python function that greets someone.';
const ALIASES = { [SCREENSHOT_PROMPT]: `${SCREENSHOT_PROMPT} [code] [think]` };

function param(prompt, name, fallback) {
    const m = prompt.match(new RegExp(`\\[${name}=(\\d+)\\]`));
    return m ? Number(m[1]) : fallback;
}

// The full reply to `prompt` (the user's message text), variant n:
// { tokens: [..], text, reasoningTokens: [..], reasoning, delayMs, fail }.
export function replyFor(prompt, variant = 1) {
    prompt = ALIASES[prompt] ?? prompt;
    const tag = tagFor(prompt, variant);
    let tokens;
    let delayMs = param(prompt, 'pace', 10);
    let reasoningTokens = [];
    let numbered = false;
    if (prompt.includes('[md-hostile]')) {
        tokens = splitTokens(hostileMarkdown);
        delayMs = param(prompt, 'pace', 2);
    } else if (prompt.includes('[wide]')) {
        tokens = splitTokens(wideAnswer(tag));
        delayMs = param(prompt, 'pace', 2);
    } else if (prompt.includes('[code]')) {
        tokens = splitTokens(codeAnswer);
    } else if (prompt.includes('[slow]')) {
        tokens = numberedTokens(tag, param(prompt, 'tokens', 300));
        delayMs = param(prompt, 'pace', 30);
        numbered = true;
    } else {
        tokens = numberedTokens(tag, param(prompt, 'tokens', 8));
        numbered = true;
    }
    if (prompt.includes('[think]'))
        reasoningTokens = splitTokens('The user wants a small example. A type-annotated function with an f-string is the clearest answer; '
            + 'a short list and a table will explain what it does.');
    return {
        tag,
        numbered, // every token is "<tag>-NNN": the text can be checked token by token
        tokens,
        text: tokens.join(''),
        reasoningTokens,
        reasoning: reasoningTokens.join(''),
        delayMs,
        fail: prompt.includes('[fail]') || (prompt.includes('[fail-once]') && variant === 1),
    };
}

// The title the fake gives a conversation whose first question was `question`.
export function titleFor(question) {
    if (question === SCREENSHOT_PROMPT)
        return 'Python greeting function';
    const words = question.replace(/\[[^\]]*\]/g, ' ').trim().split(/\s+/).filter(Boolean).slice(0, 4);
    const title = words.join(' ') || 'Untitled';
    return `About ${title}`.slice(0, 60);
}
