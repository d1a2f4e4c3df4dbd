//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

pub fn decode(bytes: &[u8]) -> Result<String, &'static str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return if had_errors {
            Err("文件编码损坏（按 BOM 所示编码无法解码）")
        } else {
            Ok(text.into_owned())
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK");
    }
    if text.contains('\0') {
        return Err("这不是文本文件");
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_offices_save() {
        let text = "一、总体情况\n本年度";
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap(), text);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk).unwrap(), text);
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap(), text);
        let mut utf16be = vec![0xfe, 0xff];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&utf16be).unwrap(), text);
    }

    #[test]
    fn refuses_binary() {
        assert!(decode(&[0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x81]).is_err());
    }
}
