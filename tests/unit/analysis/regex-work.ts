/**
 * A deterministic measure of how much regex work a call does, for complexity checks that must not depend
 * on wall time (issue 17: "a complexity check on input size, not wall time"). Every regex match in the
 * engine — `exec`, `test`, `String.prototype.match/matchAll/replace/replaceAll/split/search` — goes through
 * `RegExp.prototype.exec` (ECMAScript RegExpExec), so wrapping it sees all of them. Each call is charged the
 * characters the engine had to move over: up to the match end, or to the end of the subject on a miss (a
 * sticky regex is charged one position). That catches super-linear *move* (a regex re-run from many start
 * positions) and quadratic call patterns; super-linear *backtracking inside* one call is the static lint's
 * job (regex-complexity.test.ts).
 */

/** Regex work done while `fn` ran: number of exec calls and characters scanned. */
export interface RegexWork {
  calls: number;
  scanned: number;
}

/** Runs `fn` with `RegExp.prototype.exec` instrumented, restoring the original afterwards. */
export function measureRegexWork(fn: () => void): RegexWork {
  const original = RegExp.prototype.exec;
  const work: RegexWork = { calls: 0, scanned: 0 };
  RegExp.prototype.exec = function (this: RegExp, subject: string): RegExpExecArray | null {
    const s = String(subject);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const m = original.call(this, s);
    work.calls++;
    if (m) work.scanned += m.index + m[0].length - start + 1;
    else work.scanned += this.sticky ? 1 : Math.max(0, s.length - start) + 1;
    return m;
  };
  try {
    fn();
  } finally {
    RegExp.prototype.exec = original;
  }
  return work;
}
