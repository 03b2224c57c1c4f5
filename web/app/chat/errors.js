// Errors in plain words, with the action that helps. The server's texts are
// English sentences for developers; the reason (when given) or the text's
// shape tells us which one it is.
import { t } from '../core/i18n.js';

const PROVIDER_NAMES = { openai: 'OpenAI', anthropic: 'Anthropic', mistral: 'Mistral', custom: 'Custom endpoint' };

export function providerName(name) {
  if (!name) return '';
  if (name.startsWith('custom')) return PROVIDER_NAMES.custom;
  return PROVIDER_NAMES[name] || name;
}

// → {text, action: 'settings'|'model'|'retry'|null, retryAfter}
export function describeError({ message = '', reason = '', status = 0, provider = '', retryAfter = null } = {}) {
  const text = String(message || '');
  const noKey = text.match(/No API key for (\w+)/i);
  if (reason === 'no_key' || noKey) {
    if (/custom endpoint/i.test(text)) return { text: t('error.noCustom'), action: 'settings' };
    return { text: t('error.noKey', { provider: providerName(noKey?.[1]?.toLowerCase() || provider) }), action: 'settings' };
  }
  if (reason === 'key_rejected' || /api key.*(invalid|rejected|incorrect)|invalid.*api key|401/i.test(text) && /key/i.test(text)) {
    return { text: t('error.keyRejected', { provider: providerName(provider) || t('error.theProvider') }), action: 'settings' };
  }
  if (reason === 'rate_limited' || status === 429 || /rate.?limit|too many requests/i.test(text)) {
    if (/Too many replies running/i.test(text)) return { text: t('error.tooManyReplies'), action: null };
    return { text: retryAfter ? t('error.rateLimitedIn', { seconds: retryAfter }) : t('error.rateLimited'), action: 'retry', retryAfter };
  }
  if (reason === 'no_provider' || reason === 'no_model' || /^(provider|model): field required/.test(text) || /No model was chosen/.test(text)) {
    return { text: t('error.noModel'), action: 'model' };
  }
  if (reason === 'unknown_provider' || /unknown provider/i.test(text)) return { text: t('error.unknownProvider'), action: 'model' };
  if (reason === 'reply_running' || /already being generated/i.test(text)) return { text: t('error.replyRunning'), action: null };
  if (/cannot be continued|already complete/i.test(text)) return { text: t('error.cannotContinue'), action: null };
  if (/model/i.test(text) && /(not found|does not exist|refused|unknown)/i.test(text)) return { text: t('error.modelRefused', { detail: text }), action: 'model' };
  if (status === 0 && text === 'network') return { text: t('error.network'), action: 'retry' };
  if (status === 404) return { text: t('error.notFound'), action: null };
  if (status === 403) return { text: t('error.forbidden'), action: null };
  if (status >= 500 && !text) return { text: t('error.server'), action: 'retry' };
  if (/timed? ?out|timeout/i.test(text)) return { text: t('error.timeout'), action: 'retry' };
  if (/could not reach|unreachable|connection refused|network/i.test(text)) return { text: t('error.providerUnreachable'), action: 'retry' };
  return { text: text || t('error.generic'), action: 'retry' };
}

// An ApiError (HTTP) in plain words.
export function describeApiError(e) {
  return describeError({ message: e?.detail || e?.message, status: e?.status ?? 0, retryAfter: e?.retryAfter });
}
