"""The one CSV writer: bytes that Excel and LibreOffice open as UTF-8."""

from academy.exports import csv_response


def body(response):
    return b"".join(response.streaming_content)


def test_csv_starts_with_a_utf8_byte_order_mark_and_keeps_accents():
    response = csv_response("people.csv", ["Name", "Jurisdiction"],
                            [["María Colón", "Hawaiʻi County"], ["Nguyễn Văn An", "Đà Nẵng"]])
    data = body(response)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\xef\xbb\xbf") == 1  # once, not before every row
    assert data == (
        "\ufeffName,Jurisdiction\r\nMaría Colón,Hawaiʻi County\r\nNguyễn Văn An,Đà Nẵng\r\n"
    ).encode("utf-8")
    assert "Colón".encode() in data and "Hawaiʻi".encode() in data
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'


def test_csv_with_no_rows_is_still_marked_utf8():
    assert body(csv_response("empty.csv", ["Name"], [])) == b"\xef\xbb\xbfName\r\n"


def test_formula_cells_stay_quoted_after_the_mark():
    data = body(csv_response("x.csv", ["Name"], [["=1+1"], ["@SUM(A1)"]])).decode("utf-8-sig")
    assert data == "Name\r\n'=1+1\r\n'@SUM(A1)\r\n"
