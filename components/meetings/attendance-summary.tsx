import type { AttendanceCounts } from '@/lib/meetings/attendance-queries';
import { ATTENDANCE_REPRESENTATIONS, type AttendanceRepresentationName } from '@/lib/meetings/schema';

/** How many came, and how many of each representation (the words come translated from the page). */
export function AttendanceSummary({ counts, total, label }: { counts: AttendanceCounts; total: string; label: (r: AttendanceRepresentationName) => string }) {
  return (
    <div className="space-y-2">
      <p className="font-semibold">{total}</p>
      <dl className="grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        {ATTENDANCE_REPRESENTATIONS.map((r) => (
          <div key={r} className="contents">
            <dt>{label(r)}</dt>
            <dd className="text-right tabular-nums">{counts.byRepresentation[r]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
