from newsgraph.annotate.components import ANNOTATORS, EXTENSIONS, check_order


def test_annotators_run_after_what_they_require():
    check_order()


def test_every_assigned_extension_is_declared():
    for annotator in ANNOTATORS:
        for name in annotator.assigns:
            if name.startswith("doc._."):
                assert name[len("doc._."):] in EXTENSIONS, f"{annotator.name}: {name}"
