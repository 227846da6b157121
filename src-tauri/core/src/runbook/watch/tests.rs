use super::*;

#[test]
fn reports_changed_runbooks_and_ignores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (tx, rx) = mpsc::channel();
    let _w = watch(dir.path(), move |files| tx.send(files).unwrap()).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    std::fs::write(dir.path().join(format!("{TEMP_PREFIX}abc")), "x").unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/notes.md"), "x").unwrap();
    std::fs::write(dir.path().join("openai.md"), "x").unwrap();
    let got = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("no change reported");
    assert_eq!(got, ["openai.md"]);
}
