/**
 * Workspace symbols found across scripts, and the editor's own filter. The server matches a query whatever its script
 * (总则 finds 總則), but VS Code's Ctrl+T picker then fuzzy-matches the query against each result's label and drops
 * the labels that do not hold the query's characters in order: every match in the other script. A result whose name
 * would be dropped gets the query as a gloss, `總則（总则）`: the server matched exactly that, so the gloss reads as
 * the name's form in the script the user typed, and the label then passes the picker's filter.
 *
 * Pure (no vscode) so that it is unit-tested.
 */

/** Whitespace the editor's picker ignores in a query. */
const BLANKS = /\s+/g;

/**
 * Would the editor's fuzzy filter keep `label` for `query`? True when the query's characters (whitespace left out)
 * appear in the label in order, ignoring case — the condition VS Code's fuzzy scorer needs before it scores at all.
 */
export function labelHoldsQuery(label: string, query: string): boolean {
  const q = query.replace(BLANKS, '').toLowerCase();
  const l = label.toLowerCase();
  let at = 0;
  for (let i = 0; i < l.length && at < q.length; i++) {
    if (l.charCodeAt(i) === q.charCodeAt(at)) at++;
  }
  return at === q.length;
}

/** `name` as the picker should show it for `query`: as it is when the picker keeps it, else with the query as a gloss. */
export function glossedName(name: string, query: string): string {
  const typed = query.trim();
  if (typed.length === 0 || labelHoldsQuery(name, typed)) return name;
  return `${name}（${typed}）`;
}
