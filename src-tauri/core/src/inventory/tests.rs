use super::*;
use crate::store::Store;

fn seeded() -> Store {
    let (store, _) = Store::open_in_memory().unwrap();
    demo::seed(&store).unwrap();
    store
}

fn vendor(id: &str) -> Vendor {
    Vendor {
        id: id.into(),
        name: "Mistral".into(),
        status_page: Some("https://status.mistral.ai".into()),
        status_api: None,
        status_components: Vec::new(),
    }
}

#[test]
fn demo_is_complete_enough_to_look_real() {
    let inv = load(&seeded()).unwrap();
    assert!(inv.vendors.len() >= 3);
    for v in ["openai", "anthropic", "google"] {
        assert!(inv.vendors.iter().any(|x| x.id == v), "{v}");
    }
    assert!(inv.endpoints.len() >= 6);
    assert!(inv.workflows.len() >= 5);
    assert!(inv.rotations.len() >= 2);
    for w in &inv.workflows {
        assert!(!w.fallbacks.is_empty(), "{}", w.id);
        for m in FailureMode::ALL {
            let p = w.failure_modes.get(m);
            assert!(
                !p.customer_impact.is_empty()
                    && !p.degradation.is_empty()
                    && !p.customer_message.is_empty(),
                "{} {m:?}",
                w.id
            );
        }
    }
    // Lists come back ordered by id, fallbacks in chain order.
    let ids: Vec<_> = inv.workflows.iter().map(|w| w.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let chat = inv
        .workflows
        .iter()
        .find(|w| w.id == "support-chat")
        .unwrap();
    assert_eq!(
        chat.fallbacks[0],
        FallbackStep::endpoint("anthropic-sonnet")
    );
    assert!(chat.fallbacks[2].strategy.is_some());
}

#[test]
fn create_update_rename_and_delete_a_vendor() {
    let store = seeded();
    save(&store, None, vendor("mistral")).unwrap();
    let err = save(&store, None, vendor("mistral")).unwrap_err();
    match err {
        InventoryError::Invalid { errors, .. } => assert_eq!(errors[0].field, "id"),
        e => panic!("{e}"),
    }
    let mut renamed = vendor("mistral-ai");
    renamed.name = "Mistral AI".into();
    save(&store, Some("mistral"), renamed.clone()).unwrap();
    let inv = load(&store).unwrap();
    assert!(inv.vendors.contains(&renamed));
    assert!(!inv.vendors.iter().any(|v| v.id == "mistral"));
    delete::<Vendor>(&store, "mistral-ai").unwrap();
    assert!(matches!(
        delete::<Vendor>(&store, "mistral-ai"),
        Err(InventoryError::NotFound { .. })
    ));
    assert!(matches!(
        save(&store, Some("nope"), vendor("nope")),
        Err(InventoryError::NotFound { .. })
    ));
}

#[test]
fn renaming_an_endpoint_follows_every_reference() {
    let store = seeded();
    let inv = load(&store).unwrap();
    let mut ep = inv
        .endpoints
        .iter()
        .find(|e| e.id == "anthropic-sonnet")
        .unwrap()
        .clone();
    ep.id = "claude-sonnet".into();
    save(&store, Some("anthropic-sonnet"), ep).unwrap();
    let inv = load(&store).unwrap();
    let drafting = inv
        .workflows
        .iter()
        .find(|w| w.id == "reply-drafting")
        .unwrap();
    assert_eq!(drafting.primary, "claude-sonnet");
    let chat = inv
        .workflows
        .iter()
        .find(|w| w.id == "support-chat")
        .unwrap();
    assert_eq!(chat.fallbacks[0], FallbackStep::endpoint("claude-sonnet"));
}

#[test]
fn delete_in_use_is_refused_with_what_uses_it() {
    let store = seeded();
    let err = delete::<Endpoint>(&store, "anthropic-sonnet").unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, InventoryError::InUse { .. }));
    assert!(
        msg.contains("workflow reply-drafting") && msg.contains("workflow support-chat"),
        "{msg}"
    );
    assert!(matches!(
        delete::<Vendor>(&store, "openai"),
        Err(InventoryError::InUse { .. })
    ));
    assert!(matches!(
        delete::<Rotation>(&store, "support-ai"),
        Err(InventoryError::InUse { .. })
    ));
    assert_eq!(load(&store).unwrap().endpoints.len(), 8);
}

#[test]
fn invalid_workflow_names_every_bad_field_and_writes_nothing() {
    let store = seeded();
    let before = load(&store).unwrap();
    let w = Workflow {
        id: "Bad Id".into(),
        name: " ".into(),
        description: String::new(),
        criticality: Criticality::High,
        customer_facing: false,
        owner: Some("ghost".into()),
        primary: "openai-gpt-4o".into(),
        fallbacks: vec![
            FallbackStep::endpoint("nowhere"),
            FallbackStep::endpoint("openai-gpt-4o"),
            FallbackStep {
                endpoint: None,
                strategy: None,
            },
            FallbackStep::strategy(""),
        ],
        failure_modes: FailureModes::default(),
    };
    let InventoryError::Invalid { errors, .. } = save(&store, None, w).unwrap_err() else {
        panic!("expected invalid")
    };
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "id",
            "name",
            "owner",
            "fallbacks[0].endpoint",
            "fallbacks[1].endpoint",
            "fallbacks[2]",
            "fallbacks[3].strategy"
        ]
    );
    assert_eq!(load(&store).unwrap(), before);
}

#[test]
fn workflow_round_trips_with_reordered_chain() {
    let store = seeded();
    let mut w = load(&store)
        .unwrap()
        .workflows
        .into_iter()
        .find(|w| w.id == "support-chat")
        .unwrap();
    w.fallbacks.swap(0, 1);
    w.failure_modes.slow.customer_message = "Slower than usual".into();
    save(&store, Some("support-chat"), w.clone()).unwrap();
    let back = load(&store)
        .unwrap()
        .workflows
        .into_iter()
        .find(|x| x.id == "support-chat")
        .unwrap();
    assert_eq!(back, w);
}

#[test]
fn endpoint_credential_must_be_a_reference() {
    let store = seeded();
    let mut ep = load(&store).unwrap().endpoints[0].clone();
    ep.id = "new-ep".into();
    ep.credential = Some("sk-live-1234567890".into());
    let InventoryError::Invalid { errors, .. } = save(&store, None, ep.clone()).unwrap_err() else {
        panic!()
    };
    assert_eq!(errors[0].field, "credential");
    ep.credential = Some("keyring:brownout/new".into());
    save(&store, None, ep).unwrap();
}

/// Saves `item` as new, expecting a refusal that names the fields and changes nothing.
fn refused_fields<E: Entity>(store: &Store, item: E) -> Vec<String> {
    let before = load(store).unwrap();
    let Err(InventoryError::Invalid { kind, errors, .. }) = save(store, None, item) else {
        panic!("expected the {} to be refused", E::KIND)
    };
    assert_eq!(kind, E::KIND);
    assert_eq!(load(store).unwrap(), before);
    errors.into_iter().map(|e| e.field).collect()
}

#[test]
fn every_kind_is_validated_by_the_one_save_path() {
    let store = seeded();
    let inv = load(&store).unwrap();
    let bad_vendor = Vendor {
        status_page: Some("ftp://status.mistral.ai".into()),
        ..vendor("mistral")
    };
    assert_eq!(refused_fields(&store, bad_vendor), ["status_page"]);
    let bad_endpoint = Endpoint {
        id: "new-ep".into(),
        vendor: "ghost".into(),
        latency_slo_ms: 0,
        ..inv.endpoints[0].clone()
    };
    assert_eq!(
        refused_fields(&store, bad_endpoint),
        ["vendor", "latency_slo_ms"]
    );
    let bad_rotation = Rotation {
        id: "night".into(),
        time_zone: "Mars/Olympus".into(),
        ..inv.rotations[0].clone()
    };
    assert_eq!(refused_fields(&store, bad_rotation), ["time_zone"]);
    let bad_workflow = Workflow {
        id: "new-flow".into(),
        primary: "nowhere".into(),
        ..inv.workflows[0].clone()
    };
    assert_eq!(refused_fields(&store, bad_workflow), ["primary"]);
}

mod probe_config;
