"""Where an article prints the names its model found elsewhere: spans.printed()."""

from __future__ import annotations

import re

import pytest

from reader.core.language.entities import common_abbreviations
from reader.core.language.spans import printed

BODY = ("Alexander Lebed met Lebed-style critics; Lebed said so. The Lebedev fund, Alexander "
        "Lebed's allies and KDP officials (KDP) answered: KDP_x and pre-KDP are not names. Lebed")


@pytest.mark.parametrize("forms", [
    ["Alexander Lebed", "Lebed", "KDP"],
    ["Lebed", "Alexander Lebed", "KDP"],  # the order decides where two start at one place
    ["Lebed's", "Lebed", "Lebedev", "A"],
    ["officials", "KDP officials", "KDP", "edi", "Le"],  # one inside another; parts of words
])
def test_printed_finds_what_the_pattern_of_the_forms_finds(forms):
    pattern = rf"(?<![\w-])(?:{'|'.join(map(re.escape, forms))})(?![\w-])"
    expected = [(m.start(), m.end(), m.group(0)) for m in re.finditer(pattern, BODY)]
    assert printed(BODY, forms) == expected
    assert expected  # (each case finds something)


def test_printed_takes_the_longer_name_and_never_a_part_of_a_word():
    found = printed(BODY, ["Alexander Lebed", "Lebed"])
    assert found[0] == (0, 15, "Alexander Lebed")
    assert "Lebedev" not in {BODY[a:b + 2] for a, b, _ in found}  # "Lebed" in "Lebedev" is not it
    assert all(BODY[b:b + 1] != "-" for _, b, _ in found)  # nor in "Lebed-style"


def test_an_abbreviation_spelt_out_in_common_words_is_found_with_or_without_others_around():
    assert common_abbreviations("Growth in gross domestic product (GDP) slowed.") == {"GDP"}
    assert common_abbreviations("The European Union (EU) and gross domestic product (GDP).") == {"GDP"}
    assert common_abbreviations("No brackets here, only GDP and the EU.") == frozenset()
