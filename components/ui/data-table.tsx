import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ScrollHint } from './scroll-hint';

/**
 * The app's table: a caption (visually hidden unless asked), column headers with scope, and rows
 * passed as children. Scrolls sideways on a narrow screen instead of breaking the page. Full width
 * unless `fitContent`; `small` sets it in smaller type (wide grids of figures). `phoneHidden`
 * names columns a phone leaves out, to give the first room to read: the rows must repeat those
 * cells' facts where a phone shows them (and hide the cells themselves below `sm` too).
 */
export async function DataTable({
  caption,
  columns,
  children,
  showCaption = false,
  fitContent = false,
  small = false,
  phoneHidden = [],
}: {
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
  showCaption?: boolean;
  fitContent?: boolean;
  small?: boolean;
  phoneHidden?: number[];
}) {
  const t = await getTranslations('common');
  return (
    <div>
      <ScrollHint text={t('scrollHint')} />
      {/* Focusable and named by the caption: a table wider than the screen scrolls by keyboard too.
          A group, not a region: a page of tables would otherwise be a page of landmarks. Relative,
          so that a visually hidden (absolute) label in a cell is clipped with the table, not left
          sticking out of the page where the table's hidden columns are. */}
      <div className="relative overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
        <table className={`${fitContent ? '' : 'w-full '}border-collapse text-left${small ? ' text-sm' : ''}`}>
          <caption className={showCaption ? 'mb-2 text-left font-semibold' : 'sr-only'}>{caption}</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              {columns.map((column, index) => (
                <th key={index} scope="col" className={phoneHidden.includes(index) ? 'hidden px-2 py-2 sm:table-cell' : 'px-2 py-2'}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  );
}

/** Row styling shared by every DataTable. */
export const rowClass = 'border-b border-gray-200 align-top';
