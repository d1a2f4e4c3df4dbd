//! A content stream's operands and operators, read leniently: whatever cannot be read is skipped
//! byte by byte, so a damaged stream yields what it still holds and never an error.

/// An operand.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Number(f32),
    Text(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Operand>),
    /// A dictionary, `true`, `null` or anything else an operator here does not read.
    Other,
}

/// One step of a content stream: an operator and the operands before it.
#[derive(Debug, PartialEq)]
pub struct Operation {
    pub operator: Vec<u8>,
    pub operands: Vec<Operand>,
}

/// Arrays nested deeper than this are not read into (a hostile `[[[[…`).
const DEEPEST: usize = 32;
/// Operands kept before an operator: no operator takes more, and garbage must not pile up.
const MOST_OPERANDS: usize = 64;

fn is_delimiter(b: u8) -> bool {
    b"()<>[]{}/%".contains(&b)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

struct Lexer<'a> {
    data: &'a [u8],
    at: usize,
}

enum Token {
    Operand(Operand),
    Keyword(Vec<u8>),
    Close,
    Skip,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.at).copied()
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut value = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(value as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        let mut digits = Vec::new();
        while let Some(b) = self.peek() {
            self.at += 1;
            if b == b'>' {
                break;
            }
            if let Some(d) = (b as char).to_digit(16) {
                digits.push(d as u8);
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect()
    }

    fn word(&mut self) -> &[u8] {
        let start = self.at;
        while let Some(b) = self.peek() {
            if is_space(b) || is_delimiter(b) {
                break;
            }
            self.at += 1;
        }
        &self.data[start..self.at]
    }

    /// Skips a dictionary `<< … >>`, nested ones and strings inside included.
    fn skip_dictionary(&mut self) {
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            match b {
                b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                    depth += 1;
                    self.at += 2;
                }
                b'>' if self.data.get(self.at + 1) == Some(&b'>') => {
                    depth -= 1;
                    self.at += 2;
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    self.at += 1;
                    self.literal();
                }
                _ => self.at += 1,
            }
        }
    }

    fn token(&mut self, depth: usize) -> Option<Token> {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.at += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
        let b = self.peek()?;
        Some(match b {
            b'(' => {
                self.at += 1;
                Token::Operand(Operand::Text(self.literal()))
            }
            b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                self.skip_dictionary();
                Token::Operand(Operand::Other)
            }
            b'<' => {
                self.at += 1;
                Token::Operand(Operand::Text(self.hex()))
            }
            b'/' => {
                self.at += 1;
                Token::Operand(Operand::Name(self.word().to_vec()))
            }
            b'[' if depth >= DEEPEST => {
                self.at += 1;
                Token::Skip
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    match self.token(depth + 1) {
                        None | Some(Token::Close) => break,
                        Some(Token::Operand(o)) => items.push(o),
                        // A keyword inside an array: the array is broken; take what came before.
                        Some(Token::Keyword(_)) => break,
                        Some(_) => {}
                    }
                }
                Token::Operand(Operand::Array(items))
            }
            b']' => {
                self.at += 1;
                Token::Close
            }
            b')' | b'>' | b'{' | b'}' => {
                self.at += 1;
                Token::Skip
            }
            _ => {
                let word = self.word();
                if word.is_empty() {
                    self.at += 1;
                    return Some(Token::Skip);
                }
                let number = (word[0].is_ascii_digit() || b"+-.".contains(&word[0]))
                    .then(|| std::str::from_utf8(word).ok()?.parse::<f32>().ok())
                    .flatten();
                match number {
                    Some(n) if n.is_finite() => Token::Operand(Operand::Number(n)),
                    Some(_) => Token::Operand(Operand::Other),
                    None if word[0].is_ascii_digit() || b"+-.".contains(&word[0]) => {
                        // A malformed number such as `1.2.3` or `--5`: its leading part, as readers do.
                        let lead: String = word
                            .iter()
                            .take_while(|b| b.is_ascii_digit() || **b == b'.' || **b == b'-')
                            .map(|&b| b as char)
                            .collect();
                        let lead = lead.trim_start_matches('-');
                        Token::Operand(
                            lead.split('.')
                                .next()
                                .and_then(|n| n.parse::<f32>().ok())
                                .map_or(Operand::Other, Operand::Number),
                        )
                    }
                    None => match word {
                        b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
                        _ => Token::Keyword(word.to_vec()),
                    },
                }
            }
        })
    }

    /// Past an inline image's data: to the `EI` that stands alone after it.
    fn skip_inline_image(&mut self) {
        self.at += 1;
        while self.at + 1 < self.data.len() {
            let alone_before = self.at == 0 || is_space(self.data[self.at - 1]);
            let alone_after = self
                .data
                .get(self.at + 2)
                .is_none_or(|&b| is_space(b) || is_delimiter(b));
            if alone_before && alone_after && &self.data[self.at..self.at + 2] == b"EI" {
                self.at += 2;
                return;
            }
            self.at += 1;
        }
        self.at = self.data.len();
    }
}

/// The operations of a content stream.
pub fn operations(data: &[u8]) -> Vec<Operation> {
    let mut lexer = Lexer { data, at: 0 };
    let mut out = Vec::new();
    let mut operands = Vec::new();
    while let Some(token) = lexer.token(0) {
        match token {
            Token::Operand(o) => {
                if operands.len() < MOST_OPERANDS {
                    operands.push(o);
                }
            }
            Token::Keyword(word) => {
                if word == b"ID" {
                    lexer.skip_inline_image();
                }
                out.push(Operation {
                    operator: word,
                    operands: std::mem::take(&mut operands),
                });
            }
            Token::Close | Token::Skip => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_take_the_operands_before_them() {
        let ops = operations(
            b"BT /F1 12 Tf 1 0 0 1 72.5 -7 Tm (a\\(b\\)\\101) Tj [<0041> -250 (c)] TJ ET",
        );
        let names: Vec<&[u8]> = ops.iter().map(|o| o.operator.as_slice()).collect();
        assert_eq!(names, [b"BT".as_slice(), b"Tf", b"Tm", b"Tj", b"TJ", b"ET"]);
        assert_eq!(
            ops[1].operands,
            [Operand::Name(b"F1".to_vec()), Operand::Number(12.0)]
        );
        assert_eq!(ops[2].operands[5], Operand::Number(-7.0));
        assert_eq!(ops[3].operands, [Operand::Text(b"a(b)A".to_vec())]);
        assert_eq!(
            ops[4].operands,
            [Operand::Array(vec![
                Operand::Text(vec![0, 0x41]),
                Operand::Number(-250.0),
                Operand::Text(b"c".to_vec())
            ])]
        );
    }

    #[test]
    fn inline_images_and_dictionaries_are_skipped() {
        let ops = operations(b"q BI /W 2 /H 2 ID \x00EI\xffxx EI Q /P <</MCID 0>> BDC EMC");
        let names: Vec<&[u8]> = ops.iter().map(|o| o.operator.as_slice()).collect();
        assert_eq!(names, [b"q".as_slice(), b"BI", b"ID", b"Q", b"BDC", b"EMC"]);
    }

    #[test]
    fn garbage_never_stops_the_reading() {
        for data in [
            &b"[[[[[[(("[..],
            b"<<<<",
            b"\\)))]]]>>>}",
            b"1.2.3 --4 Td",
            b"(\\",
        ] {
            let _ = operations(data);
        }
        let deep = "[".repeat(100_000);
        let _ = operations(deep.as_bytes());
    }
}
