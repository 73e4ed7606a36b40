/**
 * The popup's library view, under the name the popup has always imported. The implementation lives in
 * components/library/ (search, filters, virtualized list, people view, export, backup); this module keeps
 * the entry point stable. Test ids other suites rely on: `[data-testid=article]` (one per article, with
 * its title in an `h2`) and `[data-testid=annotation]` (the saved text of each annotation, exactly).
 */
export { Library as LibraryList, type LibraryProps as LibraryListProps } from './library/Library';
export type { LibraryActions, Theme } from './library/Library';
