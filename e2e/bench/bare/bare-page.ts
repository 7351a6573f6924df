// The benchmark's reference page, never shipped: what opening a club costs with nothing but stock yjs,
// y-indexeddb and the DOM. It reads the same database the app reads (`chungtay-club-<id>`), the members
// straight from the doc's Y.Maps (the layout of packages/model/src/schema/layout.ts), sorts them by given
// name like the roster and writes the same rows (`.member-list .member-name`) the benchmark waits for.
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

const clubId = new URLSearchParams(location.search).get('club') ?? '';
const doc = new Y.Doc();
const persistence = new IndexeddbPersistence(`chungtay-club-${clubId}`, doc);
performance.mark('bare:open');

persistence.whenSynced.then(() => {
  performance.mark('bare:loaded');
  const year = new Date().getFullYear();
  const members: { id: string; name: string; meta: string }[] = [];
  doc.getMap<Y.Map<unknown>>('members').forEach((record, id) => {
    if (!(record instanceof Y.Map) || record.get('leftOn') || record.get('mergedInto')) return;
    const name = String(record.get('fullName') ?? '');
    const birthYear = record.get('birthYear');
    const hamlet = String(record.get('hamlet') ?? '');
    const age = typeof birthYear === 'number' ? `${year - birthYear} tuổi` : '';
    members.push({ id, name, meta: [age, hamlet].filter(Boolean).join(' · ') });
  });
  const collator = new Intl.Collator('vi');
  const given = (name: string) => name.trim().split(/\s+/).pop() ?? '';
  members.sort((a, b) => collator.compare(given(a.name), given(b.name)) || collator.compare(a.name, b.name));
  const list = document.createElement('ul');
  list.className = 'member-list';
  for (const member of members) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/club/${clubId}/members/${member.id}`;
    const name = document.createElement('span');
    name.className = 'member-name';
    name.textContent = member.name;
    const meta = document.createElement('span');
    meta.className = 'member-meta';
    meta.textContent = member.meta;
    link.append(name, meta);
    item.append(link);
    list.append(item);
  }
  document.getElementById('root')?.append(list);
});
