"""The name as the page writes it, beside the clean name the extractors read."""
from cadregraph.extractors.written_names import name_as_written


def test_a_simplified_name_is_written_as_read():
    assert name_as_written("韩立", "区委书记韩立主持会议") == "韩立"


def test_a_traditional_page_keeps_its_characters():
    assert name_as_written("卢宏", "區委書記盧宏主持會議") == "盧宏"
    assert name_as_written("郑建国", "縣長鄭建國出席") == "鄭建國"


def test_a_padded_name_keeps_its_spaces():
    assert name_as_written("李亮", "副县长李　亮出席") == "李　亮"
    assert name_as_written("吴敏", "区长 吴 敏 表示") == "吴 敏"


def test_a_name_not_in_the_quote_stands_as_read():
    assert name_as_written("王川", "会议由区长主持") == "王川"
    assert name_as_written("", "区长") == ""
