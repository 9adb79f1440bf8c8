package privrec.client.ui;

import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Small element builders. Every piece of text goes in through {@code textContent} (never {@code innerHTML}), so
 * catalog titles and user input are shown as text whatever they contain. No inline {@code style} attributes: the
 * CSP has {@code style-src 'self'}; looks come from classes in {@code css/app.css}.
 *
 * <p>A plain class on purpose: helpers inside a JSObject class would become JS members (TeaVM JSO rule).
 */
final class Dom {
    private static final HTMLDocument DOCUMENT = HTMLDocument.current();
    private static int nextId;

    private Dom() {
    }

    static HTMLDocument document() {
        return DOCUMENT;
    }

    static HTMLElement el(String tag, String className) {
        HTMLElement element = DOCUMENT.createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        return element;
    }

    static HTMLElement text(String tag, String className, String text) {
        HTMLElement element = el(tag, className);
        element.setTextContent(text);
        return element;
    }

    static HTMLElement testId(HTMLElement element, String id) {
        element.setAttribute("data-testid", id);
        return element;
    }

    /** A real {@code <button type=button>}: focusable, Enter/Space activate it. */
    static HTMLButtonElement button(String label, String testId, String className, Runnable onClick) {
        HTMLButtonElement button = (HTMLButtonElement) el("button", className);
        button.setType("button");
        button.setTextContent(label);
        if (testId != null) {
            testId(button, testId);
            // Focus comes back to the same button after the re-render its click causes (Shell.restoreFocus);
            // buttons repeated per movie set a key with the movie id instead.
            button.setAttribute("data-focus-key", testId);
        }
        button.addEventListener("click", (EventListener<?>) event -> onClick.run());
        return button;
    }

    /** A labelled input: returns the input; {@code row} receives the label and the input. */
    static HTMLInputElement input(HTMLElement row, String label, String type, String id, String testId) {
        HTMLElement labelElement = text("label", null, label);
        labelElement.setAttribute("for", id);
        HTMLInputElement input = (HTMLInputElement) el("input", null);
        input.setType(type);
        input.setId(id);
        if (testId != null) {
            testId(input, testId);
        }
        row.appendChild(labelElement);
        row.appendChild(input);
        return input;
    }

    /** A labelled select with (value, text) pairs; the first pair is selected. */
    static HTMLSelectElement select(HTMLElement row, String label, String id, String testId, String[][] options) {
        HTMLElement labelElement = text("label", null, label);
        labelElement.setAttribute("for", id);
        HTMLSelectElement select = (HTMLSelectElement) el("select", null);
        select.setId(id);
        if (testId != null) {
            testId(select, testId);
        }
        for (String[] option : options) {
            HTMLElement o = text("option", null, option[1]);
            o.setAttribute("value", option[0]);
            select.appendChild(o);
        }
        row.appendChild(labelElement);
        row.appendChild(select);
        return select;
    }

    /** A fresh element id for label/aria wiring. */
    static String uniqueId(String prefix) {
        nextId++;
        return prefix + "-" + nextId;
    }

    static void clear(HTMLElement element) {
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
    }
}
