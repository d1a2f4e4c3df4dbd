//! Tiny PDF files written by hand for the tests: objects numbered from 1, a cross-reference table
//! with their true offsets, and a trailer.

#![allow(dead_code)]

/// A PDF whose objects are `objects` (object 1 is the catalog), with `trailer_extra` in the trailer.
pub fn pdf(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", k + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

pub fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// Hex of UTF-16BE code units, as a ToUnicode map writes a destination.
fn utf16_hex(c: char) -> String {
    let mut units = [0u16; 2];
    c.encode_utf16(&mut units)
        .iter()
        .map(|u| format!("{u:04X}"))
        .collect()
}

/// A ToUnicode map giving the two-byte code k+1 to the k-th character of `chars`.
pub fn to_unicode(chars: &[char]) -> Vec<u8> {
    let mut map = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    map.push_str(&format!("{} beginbfchar\n", chars.len()));
    for (k, c) in chars.iter().enumerate() {
        map.push_str(&format!("<{:04X}> <{}>\n", k + 1, utf16_hex(*c)));
    }
    map.push_str("endbfchar\nendcmap\n");
    stream("", map.as_bytes())
}

/// The two-byte codes of `text` under [`to_unicode`] of `chars`, as a hex string.
pub fn codes(chars: &[char], text: &str) -> String {
    let mut out = String::from("<");
    for c in text.chars() {
        let k = chars
            .iter()
            .position(|&x| x == c)
            .expect("a character of the font")
            + 1;
        out.push_str(&format!("{k:04X}"));
    }
    out.push('>');
    out
}

/// A one-page PDF with a composite font (object 5, with a ToUnicode map unless `unicode` is false)
/// and Helvetica (object 7), showing `content`.
pub fn one_page(content: &str, chars: &[char], unicode: bool) -> Vec<u8> {
    let map = if unicode { " /ToUnicode 6 0 R" } else { "" };
    pdf(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
               /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>"
                .to_vec(),
            stream("", content.as_bytes()),
            format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H \
                 /DescendantFonts [8 0 R]{map} >>"
            )
            .into_bytes(),
            to_unicode(chars),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 \
               /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
                .to_vec(),
        ],
        "",
    )
}

/// A scan: one page showing only an image, no text.
pub fn scanned() -> Vec<u8> {
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        b"\x80",
    );
    pdf(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
               /Resources << /XObject << /Im1 5 0 R >> >> >>"
                .to_vec(),
            stream("", b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
            image,
        ],
        "",
    )
}

/// An encrypted file (the standard security handler, revision 3).
pub fn encrypted() -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
    ];
    objects.push(
        b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 \
           /O <0000000000000000000000000000000000000000000000000000000000000000> \
           /U <0000000000000000000000000000000000000000000000000000000000000000> >>"
            .to_vec(),
    );
    pdf(&objects, "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]")
}
