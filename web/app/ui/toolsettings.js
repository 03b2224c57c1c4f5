// Settings → Tools: the account's tool servers (read-only: status and tools)
// and its standing approvals, each with Revoke. Hidden when the server has no tools.
import { h, clear } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, enc } from '../core/api.js';
import { serverOffers } from '../core/features.js';

const STATUSES = ['running', 'starting', 'stopped', 'error'];
const serverStatus = (status) => (STATUSES.includes(status) ? t(`tools.server.${status}`) : String(status ?? ''));

export function createToolsSection() {
  const servers = h('ul', { class: 'key-list tool-servers' });
  const approvals = h('ul', { class: 'key-list tool-approvals' });
  const status = h('p', { class: 'form-status', role: 'status' });
  const section = h('section', { class: 'settings-section', 'aria-labelledby': 'set-tools', hidden: true },
    h('h3', { id: 'set-tools', text: t('tools.title') }), servers,
    h('h4', { class: 'field-label', text: t('tools.approvals') }), approvals, status);

  async function load() {
    if (await serverOffers('/tools/servers') === false) return;
    let list;
    let standing;
    try {
      [list, standing] = await Promise.all([api('/tools/servers'), api('/tools/approvals')]);
    } catch { return; }
    section.hidden = false;
    clear(servers);
    if (!list?.length) servers.append(h('li', { class: 'hint', text: t('tools.noServers') }));
    for (const s of list || []) {
      const names = (s.tools || []).map((tool) => tool.name).join(', ');
      servers.append(h('li', { class: 'key-row tool-server' },
        h('span', { class: 'key-name', text: s.name }),
        h('span', { class: 'hint', text: s.enabled === false ? t('tools.server.disabled') : serverStatus(s.status) }),
        names ? h('span', { class: 'hint tool-names', text: names }) : null,
        s.error ? h('span', { class: 'hint error', text: s.error }) : null));
    }
    clear(approvals);
    if (!standing?.length) approvals.append(h('li', { class: 'hint', text: t('tools.noApprovals') }));
    for (const a of standing || []) {
      const label = `${a.server || a.server_id} · ${a.tool}`;
      approvals.append(h('li', { class: 'key-row' },
        h('span', { class: 'key-name', text: label }),
        h('button', { type: 'button', class: 'btn small danger', text: t('tools.revoke'), 'aria-label': t('tools.revokeNamed', { name: label }),
          onclick: async () => {
            try {
              await api(`/tools/approvals/${enc(a.server_id)}/${enc(a.tool)}`, { method: 'DELETE' });
              status.textContent = t('tools.revoked', { name: label });
              load();
            } catch (e) { status.textContent = e.detail || t('error.generic'); }
          } })));
    }
  }

  load();
  return section;
}
