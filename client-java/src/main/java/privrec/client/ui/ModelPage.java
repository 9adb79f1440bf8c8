package privrec.client.ui;

import java.util.List;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.ModelInfo;
import privrec.client.app.ModelStatus;

/** What model this page runs: id, algorithm, data, date, size, hashes and offline metrics from the manifest. */
final class ModelPage implements Page {
    private final Shell shell;

    ModelPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        ModelStatus model = shell.app.model();
        if (!model.isReady()) {
            HTMLElement wait = Dom.text("p", "notice", model.message());
            Dom.testId(wait, "model-wait");
            main.appendChild(wait);
            return;
        }
        main.appendChild(Dom.text("p", "lead", "The same public model is downloaded by everyone and runs inside "
                + "this page. Each file was checked against the SHA-256 in the manifest before use, so you can compare "
                + "these values with the published ones."));
        main.appendChild(facts("Model", "model-info", ModelInfo.describe(model.manifest(), model.sourceNote())));
        List<ModelInfo.Line> metrics = ModelInfo.metrics(model.manifest());
        if (!metrics.isEmpty()) {
            main.appendChild(facts("How good it is", "model-metrics", metrics));
        }
    }

    static HTMLElement facts(String title, String testId, List<ModelInfo.Line> lines) {
        HTMLElement section = Dom.el("section", "panel");
        section.appendChild(Dom.text("h2", "section-title", title));
        HTMLElement dl = Dom.el("dl", "facts");
        Dom.testId(dl, testId);
        for (ModelInfo.Line line : lines) {
            dl.appendChild(Dom.text("dt", null, line.label()));
            HTMLElement dd = Dom.text("dd", null, line.value());
            dd.setAttribute("data-label", line.label());
            dl.appendChild(dd);
        }
        section.appendChild(dl);
        return section;
    }
}
