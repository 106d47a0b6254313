/**
 * Walks a lesson beat by beat for a presentation clicker (src/lessons/beats.ts). A press
 * moves the *target* at once; one worker puts beats on the page one after another, so a press
 * while a beat is still being applied never applies anything twice: presses in a burst move
 * the target, and the page converges on it (a beat already shown is never applied again).
 * Plain TypeScript with the page behind {@link BeatPage}, so the tests drive it with fakes.
 */
import { nextBeat, prevBeat, sameBeat, type Beat, type BeatLesson } from '../../lessons/beats';

/** What the walker needs from the page (the lesson player). */
export interface BeatPage {
  /** The open lesson, or null (the list, the sandbox). */
  lesson(): BeatLesson | null;
  /** The step the page shows (0-based); it may change by other means (the panel's buttons). */
  stepIndex(): number;
  /** Put `to` on the page, coming from `from` (what the page showed). Resolves once it is in place. */
  apply(to: Beat, from: Beat): Promise<void>;
}

export class BeatWalker {
  /** Where the walk is heading; null when no press is pending. */
  private target: { lessonId: string; beat: Beat } | null = null;
  /** The beat last put on the page by the walker. */
  private shown: { lessonId: string; beat: Beat } | null = null;
  private working = false;

  /** `changed` is called whenever {@link here} or {@link busy} may have changed. */
  constructor(
    private readonly page: BeatPage,
    private readonly changed: () => void = () => {},
  ) {}

  /** Whether a beat is still being put on the page. */
  get busy(): boolean {
    return this.working;
  }

  /**
   * The beat the audience is on, or heading for while {@link busy}: what the walker applied,
   * unless the page has moved to another step since (then that step's problem).
   */
  here(): Beat | null {
    const lesson = this.page.lesson();
    if (!lesson) return null;
    const step = this.page.stepIndex();
    const mine = this.working ? this.target : this.shown;
    return mine && mine.lessonId === lesson.id && (this.working || mine.beat.step === step) ? mine.beat : { step, phase: 'problem' };
  }

  /** One beat on (PageDown). False at the end of the lesson, or with no lesson open. */
  next(): boolean {
    return this.move(nextBeat);
  }

  /** One beat back (PageUp). False at the start of the lesson. */
  prev(): boolean {
    return this.move(prevBeat);
  }

  /** Go to a beat (a link's `beat=solution`). */
  go(beat: Beat): void {
    const lesson = this.page.lesson();
    if (!lesson) return;
    this.target = { lessonId: lesson.id, beat };
    void this.work();
  }

  private move(step: (lesson: BeatLesson, from: Beat) => Beat | null): boolean {
    const lesson = this.page.lesson();
    const from = this.here();
    if (!lesson || !from) return false;
    const to = step(lesson, from);
    if (!to) return false;
    this.go(to);
    this.changed();
    return true;
  }

  /** Apply the target until the page shows it; presses meanwhile only move the target. */
  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.changed();
    try {
      for (;;) {
        const lesson = this.page.lesson();
        const target = this.target;
        if (!lesson || !target || target.lessonId !== lesson.id) break;
        const from = this.pageBeat(lesson.id);
        if (sameBeat(from, target.beat)) break;
        await this.page.apply(target.beat, from);
        this.shown = { lessonId: lesson.id, beat: target.beat };
      }
    } finally {
      this.target = null;
      this.working = false;
      this.changed();
    }
  }

  /** What the page shows now, as far as the walker knows. */
  private pageBeat(lessonId: string): Beat {
    const step = this.page.stepIndex();
    const s = this.shown;
    return s && s.lessonId === lessonId && s.beat.step === step ? s.beat : { step, phase: 'problem' };
  }
}
