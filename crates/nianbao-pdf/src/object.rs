//! Reading lopdf's objects leniently: references followed (a bounded number of times), a value of
//! the wrong type taken as absent.

use lopdf::{Dictionary, Document, Object};

/// `object`, with references followed.
pub fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    let mut object = object;
    for _ in 0..16 {
        match object {
            Object::Reference(id) => object = doc.get_object(*id).ok()?,
            _ => return Some(object),
        }
    }
    None
}

pub fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, object)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn name<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a [u8]> {
    match resolve(doc, object)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

pub fn float(doc: &Document, object: &Object) -> Option<f32> {
    match resolve(doc, object)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r).filter(|r| r.is_finite()),
        _ => None,
    }
}

/// A stream's content, inflated (as stored when it cannot be).
pub fn stream_data(doc: &Document, object: &Object) -> Option<Vec<u8>> {
    match resolve(doc, object)? {
        Object::Stream(s) => Some(
            s.decompressed_content()
                .unwrap_or_else(|_| s.content.clone()),
        ),
        _ => None,
    }
}

/// The numbers of an array, or `None` if any is not one.
pub fn numbers(doc: &Document, object: &Object) -> Option<Vec<f32>> {
    match resolve(doc, object)? {
        Object::Array(a) => a.iter().map(|o| float(doc, o)).collect(),
        _ => None,
    }
}
