/**
 * The DOM views, built with teavm-jso-apis. All text (catalog titles above all) goes in through
 * {@code textContent}; no {@code innerHTML}, no inline {@code style} attributes (CSP), only classes from
 * {@code webapp/src/main/site/css/app.css}. Every control is a real {@code <button>}, {@code <input>} or
 * {@code <select>} with a {@code <label>} or {@code aria-label}.
 *
 * <h2>Hooks for browser tests and the benchmark (stable: change only together with the tests)</h2>
 *
 * <h3>On {@code <body>}</h3>
 * <ul>
 *   <li>{@code data-state}: {@code locked | loading | ready | error} — no profile open / open but model still
 *       loading / open and model ready / open and the model failed (or the app could not start at all). While
 *       locked the model's own progress is on {@code model-status}'s {@code data-phase}.</li>
 *   <li>{@code data-busy}: {@code "true"} while an action (unlock, rate, …) or a re-render is queued or running,
 *       including the follow-up that fills in the reasons of a re-ranked list; {@code "false"} when the screen is
 *       complete (reasons included). Wait for {@code "false"} after every click.</li>
 *   <li>{@code data-view}: {@code unlock | onboarding | home | browse | movie | ratings | privacy | model | settings}.
 *       Each has an address, {@code location.hash}: {@code #/profiles}, {@code #/home} (onboarding shows there
 *       too), {@code #/browse}, {@code #/movie/<id>}, {@code #/ratings}, {@code #/privacy}, {@code #/model},
 *       {@code #/settings}; Back/Forward and typed addresses switch views. While locked, an address that needs a
 *       profile shows {@code unlock} and keeps the address, so the view comes back after unlocking.</li>
 *   <li>{@code data-render-count}: increments on every re-render of {@code <main>}.</li>
 *   <li>{@code data-last-action-ms}: milliseconds from the last click (queued) to its re-rendered screen — on
 *       the home page the re-ranked list, shown with reasons still pending; {@code data-last-task-ms} and
 *       {@code data-last-render-ms} split it into the action (vault save, crypto) and the re-render (scoring,
 *       ranking, DOM); {@code data-last-rank-ms} is the scoring + ranking part of the last home render alone.</li>
 *   <li>{@code data-reasons-pending}: {@code "true"} while the recommendations on screen still show
 *       "Finding why…" (their reasons are computed right after the list is rendered, by a follow-up on the
 *       worker whose model run overlaps the list's paint),
 *       {@code "false"} once they are filled in, and on every other page.</li>
 *   <li>{@code data-last-reasons-ms}: milliseconds from the last click (queued) to the reasons of its re-ranked
 *       list filled in (includes {@code data-last-action-ms} and the explanation);
 *       {@code data-last-explain-ms} is the explanation run alone (one batched model run, one row per liked
 *       movie). Not updated when a newer re-rank made the reasons stale (they are dropped).</li>
 *   <li>{@code data-unlock-mode}: {@code create | unlock} on the profile page (a new name needs the password twice).</li>
 * </ul>
 *
 * <h3>Frame (every page)</h3>
 * {@code status} (role=status, aria-live=polite, id=status; class {@code visually-hidden} — still read, not drawn —
 * while the {@code undo-bar} on screen shows the same sentence, so it is seen once) · {@code error} (role=alert, id=error; hidden when
 * there is none) · {@code model-status} (model loading line; {@code data-phase=loading|ready|failed}) ·
 * {@code skip-link} · {@code #main} · {@code #view-title} (the page's h1; receives focus on page change) ·
 * nav links ({@code <a href="#/…">}) {@code nav-unlock} (locked only), {@code nav-home}, {@code nav-browse},
 * {@code nav-ratings}, {@code nav-privacy}, {@code nav-model}, {@code nav-settings}, and the button
 * {@code nav-lock} (unlocked only); the current link has {@code aria-current=page}. Status and error sentences
 * are cleared when the view changes.
 *
 * <h3>Profiles page (data-view=unlock)</h3>
 * {@code profile-list} with {@code profile-option} buttons ({@code data-name}) · {@code unlock-form} ·
 * {@code unlock-name} · {@code unlock-password} · {@code unlock-password2} (shown only for a new name) ·
 * {@code unlock-submit} (text "Create profile" or "Unlock") · after a CORRUPTED unlock: {@code corrupted} panel
 * with {@code export-raw}, {@code reset-profile} then {@code reset-confirm} · import: {@code import-form},
 * {@code import-file}, {@code import-password}, {@code import-name}, {@code import-submit}.
 *
 * <h3>Onboarding (data-view=onboarding, after creating a profile once the model is ready; not again once done or
 * skipped — remembered in the vault as the setting {@code onboardingDone})</h3>
 * {@code onboarding-list} of {@code onboarding-card} ({@code data-movie-id}, star buttons) ·
 * {@code onboarding-done} · the profile form (below).
 *
 * <h3>Movie cards (home, search, browse, movie page, onboarding)</h3>
 * {@code rec-list} ({@code data-count}) of {@code rec-card} with {@code data-movie-id} and {@code data-rank}
 * (1-based), containing {@code title} (a link to {@code #/movie/<id>}), {@code genres}, {@code reason} (text "Finding why…" with
 * {@code data-reason-pending="true"} and {@code aria-busy="true"} until the reason is known; both attributes are
 * removed then), {@code score} (hidden, no text: the raw
 * model score is only in {@code data-score}; cards show the match meter), star buttons {@code rate-1} … {@code rate-5} ({@code aria-pressed} marks the
 * current rating) and {@code dismiss}. {@code rec-empty} when nothing is left. {@code undo-bar} (hidden when
 * there is nothing to undo) with the sentence in {@code .undo-label} and {@code undo}. {@code model-wait} while the model is not ready.
 *
 * <h3>Search and filter (home)</h3>
 * {@code search-input} (results update on every input event, no waiting) · {@code search-results} with
 * {@code search-summary} ({@code data-total}: every matching title; the first 50 are shown, {@code search-more}
 * adds 50) and {@code search-result} cards ({@code data-movie-id}, star buttons, {@code dismiss}) ·
 * {@code genre-filter} (a select; value -1 = all, else the index in {@code privrec.core.Genres.NAMES};
 * dispatch a {@code change} event).
 *
 * <h3>My ratings (data-view=ratings)</h3>
 * {@code ratings-list} ({@code data-count}) of {@code rating-row} ({@code data-movie-id}, {@code data-stars},
 * {@code data-offered}: "false" for a movie the current release lacks or withdrew, whose {@code title} is then the
 * title stored with the rating followed by " — not in the current catalog", not a link) with {@code rate-1..5} and
 * {@code remove-rating}; {@code ratings-empty} when none; {@code ratings-order} (a
 * select: NEWEST, TITLE, STARS). {@code dismissed-list} ({@code data-count}) of {@code dismissed-row} with
 * {@code restore-dismissed} ("Recommend again").
 *
 * <h3>Browse (data-view=browse)</h3>
 * {@code browse-genre-<index>} checkboxes (a movie in any checked genre matches), {@code browse-from},
 * {@code browse-to} (years; commit with a change event), {@code browse-sort} (POPULARITY, YEAR, TITLE, MATCH) ·
 * {@code browse-summary} ({@code data-total}) · {@code browse-list} of {@code browse-card} ({@code data-year}) ·
 * {@code browse-prev}, {@code browse-next} (20 a page).
 *
 * <h3>Movie (data-view=movie)</h3>
 * {@code movie-facts} ({@code <dd data-label>}: Year, Genres, Popularity, Your rating) · {@code movie-rating}
 * (a select: value = half stars 0–10, 0 = not rated) · {@code dismiss} or {@code restore-dismissed} ·
 * {@code similar-list} of {@code similar-card}: "more like this", the model's top 10 for this movie alone.
 * {@code movie-missing} for an id the catalog lacks.
 *
 * <h3>Privacy (data-view=privacy)</h3>
 * {@code privacy-explanation} · {@code privacy-bytes} ({@code data-bytes}) · {@code privacy-profile},
 * {@code privacy-ratings}, {@code privacy-dismissed}, {@code privacy-settings} (lists with {@code data-count}) ·
 * {@code privacy-json} (the decrypted data as JSON) · {@code privacy-requests} ({@code data-count}) of
 * {@code privacy-request} ({@code data-kind}: navigation, script, link, fetch, xmlhttprequest, other…) ·
 * {@code privacy-refresh}.
 *
 * <h3>Model (data-view=model)</h3>
 * {@code model-info} and {@code model-metrics}: {@code <dl>}s whose {@code <dd>} carry {@code data-label}
 * ("Model id", "How it works", "Trained on", "Movies in the catalog", "Scores", …), in plain words.
 *
 * <h3>Settings (data-view=settings)</h3>
 * {@code profile-form}: {@code profile-age}, {@code profile-gender} (""/F/M), {@code profile-occupation}
 * (""/one of {@code Encoder.OCCUPATIONS}), {@code profile-save} · {@code export-backup} (downloads
 * {@code privrec-<name>-backup.json} through a Blob URL) · {@code password-form}: {@code password-old},
 * {@code password-new}, {@code password-new2}, {@code password-submit} · {@code autolock-minutes} ·
 * {@code delete-profile} then {@code delete-confirm} / {@code delete-cancel}.
 *
 * <h2>Benchmark</h2>
 * {@code window.privrecBench} (benchmark build only, {@code privrec.client.bench.BenchMain}): {@code scoreOnce()} → Promise of the milliseconds of one
 * full-catalog scoring (open profile's history, or empty); {@code compareNaive(n)} → Promise of
 * {@code {items, batchMillis, perItemMillis, slowdown, maxAbsDiff}} (one batched run vs n per-movie runs);
 * {@code lastActionMs()}, {@code lastReasonsMs()} and {@code renderCount()} read the body attributes above.
 * Click → re-ranked list: note {@code renderCount()}, click a {@code rec-card}'s {@code rate-5}, wait until
 * {@code data-busy="false"} and the render count has grown, then read {@code lastActionMs()} (or time it
 * from the test side). Click → reasons shown: {@code data-last-reasons-ms} at the same moment.
 *
 * <h2>Threads</h2>
 * DOM listeners never block: they hand work to {@link privrec.client.ui.Worker}, which runs it on a TeaVM thread
 * one action at a time and then re-renders; then it runs the render's follow-ups (the reasons), unless a newer
 * click is already queued. A follow-up's model run waits on onnxruntime-web's worker, so the browser paints the
 * rendered screen meanwhile.
 */
package privrec.client.ui;
