// Chats grouped by their last activity: Today, Yesterday, Previous 7 days,
// then one group per month.
import { t, language } from '../core/i18n.js';

function startOfDay(d) {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function groupChats(chats, now = new Date()) {
  const today = startOfDay(now);
  const day = 86400000;
  const monthName = new Intl.DateTimeFormat(language(), { month: 'long', year: 'numeric' });
  const groups = [];
  const byKey = new Map();
  for (const chat of chats) {
    const when = new Date(chat.updated_at || chat.created_at || 0);
    const start = startOfDay(when);
    let key;
    let label;
    if (start >= today) { key = 'today'; label = t('group.today'); }
    else if (start >= today - day) { key = 'yesterday'; label = t('group.yesterday'); }
    else if (start >= today - 7 * day) { key = 'week'; label = t('group.week'); }
    else { key = `${when.getFullYear()}-${when.getMonth()}`; label = monthName.format(when); }
    if (!byKey.has(key)) {
      const group = { key, label, chats: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    byKey.get(key).chats.push(chat);
  }
  return groups;
}
