// The prices the test server runs with (PRICES_FILE): scenarios compute what a reply must cost
// from these and the fake's token counts. Deliberately high, so that a reply costs cents and a
// wrong formula (cached input priced as input, say) shows in the shown amount.
export const TEST_PRICES = {
    as_of: '2026-01-01',
    source: 'tests/web/lib/prices.mjs',
    prices: { openai: { 'gpt-4o': { input: 1000, output: 4000, cached_input: 250 } } },
};

// USD for one reply's usage {input, output, cached} of provider/model, or null without a price.
export function costOf(provider, model, { input, output, cached = 0 }) {
    const p = TEST_PRICES.prices[provider]?.[model];
    if (!p)
        return null;
    return ((input - cached) * p.input + cached * (p.cached_input ?? p.input) + output * p.output) / 1e6;
}
