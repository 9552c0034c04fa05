'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * "Scroll the table sideways →", shown only while the box right after it (a table's scrolling
 * region) is wider inside than it is on screen: on a phone, or with large text. On a phone the
 * line keeps its place while hidden, so the page does not move when it appears; without
 * JavaScript it stays hidden (the table still scrolls, by touch or keyboard).
 */
export function ScrollHint({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current?.nextElementSibling;
    if (!box) return;
    const check = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    check();
    // The box's own width changes with the screen, its content's with the table (fonts, a
    // <details> opened): either may make it overflow.
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    // A table in a closed <details> is laid out but not shown: measured again when it opens.
    const details = box.closest('details');
    details?.addEventListener('toggle', check);
    return () => {
      observer.disconnect();
      details?.removeEventListener('toggle', check);
    };
  }, []);
  return (
    <p ref={ref} aria-hidden="true" className={`mb-1 text-sm text-muted${overflows ? '' : ' invisible sm:hidden'}`}>
      {text} →
    </p>
  );
}
