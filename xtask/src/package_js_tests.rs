use super::spec::{camel, shim_json, typescript, ELEMENTS};
use super::{catalogue_type, package_json};

#[test]
fn attribute_names_become_camel_case_properties() {
    assert_eq!(camel("base-url"), "baseUrl");
    assert_eq!(camel("builtin-checkout"), "builtinCheckout");
    assert_eq!(camel("workspace"), "workspace");
}

#[test]
fn the_shim_table_is_json_naming_every_element_attribute_and_property() {
    let table: serde_json::Value = serde_json::from_str(&shim_json()).expect("shim table is JSON");
    let rows = table.as_array().expect("an array");
    assert_eq!(rows.len(), ELEMENTS.len());
    for (row, element) in rows.iter().zip(ELEMENTS) {
        assert_eq!(row["tag"], element.tag);
        let names: Vec<&str> = row["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        let wanted: Vec<&str> = element.attributes.iter().map(|a| a.name).collect();
        assert_eq!(names, wanted, "{}", element.tag);
        let props: Vec<&str> = row["properties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let wanted: Vec<&str> = element.properties.iter().map(|p| p.name).collect();
        assert_eq!(props, wanted, "{}", element.tag);
    }
    assert!(shim_json()
        .contains(r#"{"name":"hide-cost","property":"hideCost","kind":"flag","live":false}"#));
}

#[test]
fn the_typescript_declares_every_element_its_options_and_events() {
    let ts = typescript("{}");
    for element in ELEMENTS {
        assert!(
            ts.contains(&format!("\"{}\": {};", element.tag, element.interface)),
            "{}",
            element.tag
        );
        assert!(ts.contains(&format!(
            "export interface {} extends HTMLElement",
            element.interface
        )));
        for a in element.attributes {
            assert!(
                ts.contains(&format!("  {}: ", camel(a.name))),
                "{} {}",
                element.tag,
                a.name
            );
        }
        for p in element.properties {
            assert!(
                ts.contains(&format!("  {}: {};", p.name, p.ts)),
                "{} {}",
                element.tag,
                p.name
            );
        }
        for e in element.events {
            assert!(
                ts.contains(&format!("\"{}\": CustomEvent<{}>;", e.name, e.detail)),
                "{} {}",
                element.tag,
                e.name
            );
        }
    }
    assert!(ts.contains("export function defineCreditsElements("));
}

#[test]
fn the_catalogue_type_has_every_key_of_the_english_file_optional() {
    let english = include_str!("../../locales/en.json");
    let ts = catalogue_type(english).expect("en.json reads");
    let value: serde_json::Value = serde_json::from_str(english).unwrap();
    for key in value.as_object().unwrap().keys() {
        assert!(ts.contains(&format!("\n  {key}?: ")), "{key}");
    }
    assert!(ts.contains("\n  credits?: PluralWords;"));
    assert!(ts.contains("\n  actions?: Record<string, string>;"));
    assert!(ts.contains("\n  subscription?: {\n"));
    assert!(ts.contains("\n    title?: string;\n"));
}

#[test]
fn the_package_json_exports_the_module_and_its_types() {
    let json: serde_json::Value = serde_json::from_str(&package_json("1.2.3")).unwrap();
    assert_eq!(json["version"], "1.2.3");
    assert_eq!(json["type"], "module");
    assert_eq!(json["exports"]["."]["types"], "./index.d.ts");
    assert_eq!(json["exports"]["."]["import"], "./index.js");
    assert!(json["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "leptos_credits_elements_bg.wasm"));
}
