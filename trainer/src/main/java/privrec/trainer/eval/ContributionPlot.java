package privrec.trainer.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Quality vs ε at the largest n of a {@link ContributionScenario} run, as a PNG (Java2D, headless): NDCG@100 and
 * Recall@20 of the update per ε, with the base release and the largest full retrain as horizontal lines. ε is on
 * a log axis; ∞ (no noise) is drawn one step right of the largest finite ε.
 */
public final class ContributionPlot {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private ContributionPlot() {
    }

    public static byte[] png(ContributionScenario.Result result, String data) throws IOException {
        int largest = 0;
        for (ContributionScenario.Row r : result.rows()) {
            largest = Math.max(largest, r.contributors());
        }
        List<ContributionScenario.Row> updates = new ArrayList<>();
        MetricSet base = null;
        MetricSet retrain = null;
        int retrainN = 0;
        for (ContributionScenario.Row r : result.rows()) {
            if (r.model().startsWith("update") && r.contributors() == largest) {
                updates.add(r);
            } else if (r.model().startsWith("base")) {
                base = r.metrics();
            } else if (r.model().startsWith("full") && r.contributors() >= retrainN) {
                retrain = r.metrics();
                retrainN = r.contributors();
            }
        }
        updates.sort((a, b) -> Double.compare(a.epsilon(), b.epsilon()));
        double finiteMax = 1;
        double finiteMin = Double.MAX_VALUE;
        for (ContributionScenario.Row r : updates) {
            if (!Double.isInfinite(r.epsilon())) {
                finiteMax = Math.max(finiteMax, r.epsilon());
                finiteMin = Math.min(finiteMin, r.epsilon());
            }
        }
        double lo = Math.log(Math.min(finiteMin, finiteMax)) / Math.log(2);
        double hi = Math.log(finiteMax) / Math.log(2) + 1;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        List<MetricSet> all = new ArrayList<>();
        updates.forEach(r -> all.add(r.metrics()));
        if (base != null) {
            all.add(base);
        }
        if (retrain != null) {
            all.add(retrain);
        }
        for (MetricSet m : all) {
            yMin = Math.min(yMin, Math.min(m.recall20(), m.ndcg100()));
            yMax = Math.max(yMax, Math.max(m.recall20(), m.ndcg100()));
        }
        double pad = Math.max(0.005, (yMax - yMin) * 0.1);
        yMin -= pad;
        yMax += pad;

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(String.format("%s: update with n = %,d contributors vs ε", data, largest), LEFT, 25);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.drawRect(LEFT, TOP, plotW, plotH);
        Axis x = v -> LEFT + (int) Math.round((v - lo) / (hi - lo) * plotW);
        double yLo = yMin;
        double yHi = yMax;
        Axis y = v -> TOP + plotH - (int) Math.round((v - yLo) / (yHi - yLo) * plotH);
        for (ContributionScenario.Row r : updates) {
            double pos = position(r.epsilon(), hi);
            int px = x.at(pos);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(px, TOP, px, TOP + plotH);
            g.setColor(Color.BLACK);
            String label = Double.isInfinite(r.epsilon()) ? "∞" : trim(r.epsilon());
            g.drawString(label, px - 8, TOP + plotH + 18);
        }
        g.drawString("ε per report (log scale; ∞ = no noise)", LEFT + plotW / 2 - 110, TOP + plotH + 40);
        for (int t = 0; t <= 5; t++) {
            double v = yMin + (yMax - yMin) * t / 5;
            int py = y.at(v);
            g.drawString(String.format("%.3f", v), 20, py + 4);
        }
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728)};
        String[] names = {"NDCG@100", "Recall@20"};
        for (int metric = 0; metric < 2; metric++) {
            g.setColor(colors[metric]);
            g.setStroke(new BasicStroke(2f));
            int prevX = -1;
            int prevY = -1;
            for (ContributionScenario.Row r : updates) {
                double v = metric == 0 ? r.metrics().ndcg100() : r.metrics().recall20();
                int px = x.at(position(r.epsilon(), hi));
                int py = y.at(v);
                g.fillOval(px - 4, py - 4, 8, 8);
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                prevX = px;
                prevY = py;
            }
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
            if (base != null) {
                int py = y.at(metric == 0 ? base.ndcg100() : base.recall20());
                g.drawLine(LEFT, py, LEFT + plotW, py);
            }
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{2, 3}, 0));
            if (retrain != null) {
                int py = y.at(metric == 0 ? retrain.ndcg100() : retrain.recall20());
                g.drawLine(LEFT, py, LEFT + plotW, py);
            }
            int ly = TOP + 20 + metric * 70;
            g.setStroke(new BasicStroke(2f));
            g.drawLine(LEFT + plotW + 15, ly, LEFT + plotW + 35, ly);
            g.drawString(names[metric] + ", update", LEFT + plotW + 40, ly + 4);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
            g.drawLine(LEFT + plotW + 15, ly + 18, LEFT + plotW + 35, ly + 18);
            g.drawString("base release", LEFT + plotW + 40, ly + 22);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{2, 3}, 0));
            g.drawLine(LEFT + plotW + 15, ly + 36, LEFT + plotW + 35, ly + 36);
            g.drawString(String.format("retrain, raw (n=%,d)", retrainN), LEFT + plotW + 40, ly + 40);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static double position(double epsilon, double hi) {
        return Double.isInfinite(epsilon) ? hi : Math.log(epsilon) / Math.log(2);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private interface Axis {
        int at(double v);
    }
}
