"""Admin widgets."""

from django import forms


class FilteredCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with a "type to find" box above them (an autocomplete for a short list
    of people: the Facilitators group, not every user). Works without JavaScript (all
    boxes shown); the script hides the boxes whose label does not match what is typed and
    says how many match in a live region."""

    template_name = "academy/widgets/filtered_checkboxes.html"

    class Media:
        js = ["js/filter-choices.js"]
