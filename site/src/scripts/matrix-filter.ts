/**
 * The matrix's filters: hide rows that do not match the chosen area, supplier and status, hide
 * the columns (integrations) that no row still shown requires, recount the statuses of the rows
 * still shown, and keep the choice in the address so a filtered view can be linked (the area and
 * supplier pages do).
 */
export function attachMatrixFilters(doc: Document): void {
  const form = doc.getElementById('km-matrix-filters') as HTMLFormElement | null;
  const table = doc.getElementById('km-matrix') as HTMLTableElement | null;
  if (!form || !table) return;
  const rows = [...table.tBodies[0]!.rows];
  const counters = [...doc.querySelectorAll<HTMLElement>('[data-count]')];
  const shown = doc.querySelector('#km-shown span');
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

  const focus = doc.head.appendChild(doc.createElement('style'));
  // One rule hides the unused columns: cheaper than touching each of up to 700,000 cells.
  const unusedColumns = doc.head.appendChild(doc.createElement('style'));
  const columnCount = table.tHead!.rows[0]!.cells.length;

  const params = new URLSearchParams(location.search);
  for (const name of ['area', 'supplier', 'status']) {
    const value = params.get(name);
    if (value && [...field(name).options].some((o) => o.value === value)) field(name).value = value;
  }

  const apply = () => {
    const area = field('area').value;
    const supplier = field('supplier').value;
    const status = field('status').value;
    const counts = new Map<string, number>();
    const used = new Set<number>();
    let visible = 0;
    for (const row of rows) {
      const match =
        (!area || row.dataset.area!.split(' ').includes(area)) &&
        (!supplier || row.dataset.supplier === supplier) &&
        (!status || row.dataset.s!.split(' ').includes(status));
      row.hidden = !match;
      if (!match) continue;
      visible++;
      for (const cell of row.cells) {
        if (!cell.className) continue;
        counts.set(cell.className, (counts.get(cell.className) ?? 0) + 1);
        used.add(cell.cellIndex);
      }
    }
    const unused: string[] = [];
    for (let k = 1; k < columnCount; k++) if (!used.has(k)) unused.push(`#km-matrix tr>:nth-child(${k + 1})`);
    unusedColumns.textContent = unused.length ? `${unused.join(',')}{display:none}` : '';
    for (const counter of counters) counter.textContent = String(counts.get(counter.dataset.count!) ?? 0);
    if (shown) shown.textContent = String(visible);
    // Fade the other statuses so the chosen one stands out.
    focus.textContent = status ? `#km-matrix td[class]:not(.${status}){opacity:.35}` : '';
    const query = new URLSearchParams(Object.entries({ area, supplier, status }).filter(([, v]) => v));
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());

  // Say what a cell means on hover, without a title on each of thousands of cells.
  const heads = [...table.tHead!.rows[0]!.cells].map((c) => c.querySelector('a')?.title ?? '');
  const labels = new Map([...field('status').options].map((o) => [o.value, o.text]));
  table.addEventListener('mouseover', (event) => {
    const cell = (event.target as HTMLElement).closest('td');
    if (!cell || cell.title || !cell.className) return;
    const row = cell.parentElement as HTMLTableRowElement;
    cell.title = `${row.cells[0]!.querySelector('a')!.textContent} · ${heads[cell.cellIndex]} · ${labels.get(cell.className) ?? ''}`;
  });
  apply();
}
