// What can answer: the built-in providers and their models (GET /providers,
// GET /models) and the user's custom OpenAI-compatible endpoints (their keys
// with provider "custom", each its own choice "custom:<key id>").
import { api } from '../core/api.js';
import { providerName } from './errors.js';
import { settings } from '../core/settings.js';

let catalogue = null;

export async function loadCatalogue({ force = false } = {}) {
  if (catalogue && !force) return catalogue;
  const [providers, models, keys] = await Promise.all([
    api('/providers', { authed: false }).catch(() => []),
    api('/models', { authed: false }).catch(() => []),
    api('/user/keys').catch(() => []),
  ]);
  const facts = new Map((models || []).map((m) => [`${m.provider}/${m.name}`, m]));
  const groups = (providers || []).map((p) => ({
    id: p.name,
    label: providerName(p.name),
    description: p.description || '',
    models: (p.models || []).map((name) => ({ name, ...(facts.get(`${p.name}/${name}`) || {}) })),
  }));
  for (const key of keys || []) {
    if (key.provider_name !== 'custom') continue;
    groups.push({ id: `custom:${key.id}`, label: key.label || key.base_url || providerName('custom'), custom: true, baseUrl: key.base_url, models: null });
  }
  catalogue = { groups, keys: keys || [] };
  if (!settings.get('provider')) pickDefault(catalogue);
  return catalogue;
}

export function forgetCatalogue() { catalogue = null; }

// The live model list of one provider choice, asked with the user's key.
export async function liveModels(choice) {
  const path = choice.split(':').map(encodeURIComponent).join(':');
  const list = await api(`/providers/${path}/models`);
  return (list || []).map((m) => ({ name: m.name, display_name: m.display_name, context_tokens: m.context_tokens }));
}

// A chat's choice as words for the model chip.
export function choiceLabel(provider, model) {
  if (!provider && !model) return '';
  if (provider?.startsWith('custom:') && catalogue) {
    const group = catalogue.groups.find((g) => g.id === provider);
    if (group) return model ? `${model} · ${group.label}` : group.label;
  }
  return model || providerName(provider);
}

// This device has no model yet: the first provider the user has a key for
// (else the first one offered), with its usual small model.
function pickDefault({ groups, keys }) {
  const withKey = new Set(keys.map((k) => k.provider_name));
  const group = groups.find((g) => !g.custom && withKey.has(g.id) && g.models.length)
    || groups.find((g) => !g.custom && g.models.length);
  if (!group) return;
  const preferred = { openai: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-5-20250929', mistral: 'mistral-small-latest' }[group.id];
  const model = group.models.find((m) => m.name === preferred) || group.models[0];
  settings.set({ provider: group.id, model: model.name });
}

// The model's context window in tokens (GET /models), or 0 when unknown.
export function contextTokensOf(provider, model) {
  const group = catalogue?.groups.find((g) => g.id === provider);
  const facts = group?.models?.find((m) => m.name === model);
  return facts?.context_tokens > 0 ? facts.context_tokens : 0;
}
