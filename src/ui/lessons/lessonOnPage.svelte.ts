/**
 * Whether a lesson step is open on the page, for the views outside the lesson panel (the
 * header's caption suggests nothing of its own while a lesson says what to do). Set by the
 * lesson panel; read anywhere. One page, one value.
 */
export const lessonOnPage = $state({ active: false });
