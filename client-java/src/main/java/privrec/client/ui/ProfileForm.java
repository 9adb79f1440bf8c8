package privrec.client.ui;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.app.UserError;
import privrec.core.Encoder;
import privrec.core.Profile;

/** Age, gender and occupation, each optional; used by onboarding and settings. */
final class ProfileForm {
    private ProfileForm() {
    }

    static HTMLElement build(Shell shell) {
        Profile current = shell.app.queries().profile();
        HTMLElement form = Dom.el("form", "form profile-form");
        Dom.testId(form, "profile-form");
        form.appendChild(Dom.text("p", "hint",
                "Used only on this device to pick better suggestions before you have rated much. Leave any field empty."));

        HTMLElement ageRow = Dom.el("div", "field");
        HTMLInputElement age = Dom.input(ageRow, "Age (years)", "number", "profile-age", "profile-age");
        age.setAttribute("min", "1");
        age.setAttribute("max", "120");
        age.setAttribute("inputmode", "numeric");
        age.setValue(current.age() > 0 ? String.valueOf(current.age()) : "");
        form.appendChild(ageRow);

        HTMLElement genderRow = Dom.el("div", "field");
        HTMLSelectElement gender = Dom.select(genderRow, "Gender", "profile-gender", "profile-gender",
                new String[][] {{"", "Not given"}, {"F", "Female"}, {"M", "Male"}});
        gender.setValue(current.gender() == null ? "" : current.gender());
        form.appendChild(genderRow);

        String[][] jobs = new String[Encoder.OCCUPATIONS.size() + 1][];
        jobs[0] = new String[] {"", "Not given"};
        for (int i = 0; i < Encoder.OCCUPATIONS.size(); i++) {
            String job = Encoder.OCCUPATIONS.get(i);
            jobs[i + 1] = new String[] {job, Character.toUpperCase(job.charAt(0)) + job.substring(1)};
        }
        HTMLElement jobRow = Dom.el("div", "field");
        HTMLSelectElement occupation = Dom.select(jobRow, "Occupation", "profile-occupation", "profile-occupation", jobs);
        occupation.setValue(current.occupation() == null ? "" : current.occupation());
        form.appendChild(jobRow);

        HTMLElement save = Dom.button("Save profile", "profile-save", "primary", () -> {
            String ageText = age.getValue().trim();
            String genderValue = gender.getValue();
            String job = occupation.getValue();
            shell.submit(() -> shell.app.edits().saveProfile(parse(ageText, genderValue, job)));
        });
        save.setAttribute("type", "submit");
        form.appendChild(save);
        form.addEventListener("submit", (EventListener<Event>) Event::preventDefault);
        return form;
    }

    static Profile parse(String ageText, String gender, String occupation) {
        int age = 0;
        if (!ageText.isEmpty()) {
            try {
                age = Integer.parseInt(ageText);
            } catch (NumberFormatException e) {
                throw new UserError("Please give your age as a whole number of years, or leave it empty.");
            }
            if (age < 1 || age > 120) {
                throw new UserError("Please give an age between 1 and 120, or leave it empty.");
            }
        }
        return new Profile(age, gender.isEmpty() ? null : gender, occupation.isEmpty() ? null : occupation);
    }
}
