/**
 * What the page may check about a run link or a run file before it loads their reader: the
 * link's query parameter and the largest file. Nothing else, so the first screen can import it:
 * the reader (link.ts, runFile.ts: fflate and the zod schemas) loads only when a link or a file
 * is actually opened, or a link is made.
 */

/** The query parameter a run link uses (`?run=<payload>`). */
export const RUN_PARAM = 'run';
/** A run file bigger than this is not one we wrote. */
export const MAX_RUN_FILE_BYTES = 4 * 1024 * 1024;
