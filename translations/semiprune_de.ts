<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Benchmark</name>
    <message>
        <source>%1 % pruned</source>
        <translation>%1 % entfernt</translation>
    </message>
    <message>
        <source>FixMatch</source>
        <translation>FixMatch</translation>
    </message>
    <message>
        <source>pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>proxy training dynamics</source>
        <translation>Trainingsdynamik des Proxys</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>coreset models and references, trained and tested</source>
        <translation>Coreset-Modelle und Referenzen, trainiert und getestet</translation>
    </message>
    <message>
        <source>coreset training</source>
        <translation>Coreset-Training</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>SemiPrune (beta chosen on validation)</source>
        <translation>SemiPrune (Beta auf der Validierung gewählt)</translation>
    </message>
    <message>
        <source>SemiPrune, beta = 0</source>
        <translation>SemiPrune, Beta = 0</translation>
    </message>
    <message>
        <source>True-label dynamics (upper reference)</source>
        <translation>Dynamik mit wahren Labels (obere Referenz)</translation>
    </message>
    <message>
        <source># Benchmark: test accuracy after pruning</source>
        <translation># Benchmark: Testgenauigkeit nach dem Ausdünnen</translation>
    </message>
    <message>
        <source>Top-1 accuracy on the held-out test set at the final epoch, in %, mean ± standard deviation over %1 seed(s).</source>
        <translation>Top-1-Genauigkeit auf dem zurückgehaltenen Testsatz nach der letzten Epoche, in %, Mittelwert ± Standardabweichung über %1 Seed(s).</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Full pool (no pruning)</source>
        <translation>Ganzer Pool (nicht ausgedünnt)</translation>
    </message>
    <message>
        <source>## Beta chosen on the validation split</source>
        <translation>## Auf der Validierungsmenge gewähltes Beta</translation>
    </message>
    <message>
        <source>- %1: beta %2 per seed; coreset of %3 images (random: the same size)</source>
        <translation>- %1: Beta %2 je Seed; Coreset mit %3 Bildern (zufällig: gleich groß)</translation>
    </message>
    <message>
        <source>## Diagnostics and cost</source>
        <translation>## Diagnose und Kosten</translation>
    </message>
    <message>
        <source>- pseudo-label accuracy on the images without a human label: %1</source>
        <translation>- Genauigkeit der Pseudo-Labels auf den Bildern ohne menschliches Label: %1</translation>
    </message>
    <message>
        <source>- wrong labels in the proxy run: %1 of the pool (seed labels included), %2 of the lowest-AUM 10 %</source>
        <translation>- falsche Labels im Proxy-Lauf: %1 des Pools (Seed-Labels eingeschlossen), %2 der 10 % mit dem niedrigsten AUM</translation>
    </message>
    <message>
        <source>- label cost per seed: %1 seed labels + %2 validation labels = %3 (of %4 pool images)</source>
        <translation>- Label-Kosten je Seed: %1 Seed-Labels + %2 Validierungs-Labels = %3 (von %4 Pool-Bildern)</translation>
    </message>
    <message>
        <source>- test images: %1, of which in training or beta selection: %2</source>
        <translation>- Testbilder: %1, davon im Training oder in der Beta-Wahl: %2</translation>
    </message>
    <message>
        <source>- time, %1: %2 s per seed (%3 s in all)</source>
        <translation>- Zeit, %1: %2 s pro Seed (%3 s insgesamt)</translation>
    </message>
    <message>
        <source>- throughput, %1: %2 images/s</source>
        <translation>- Durchsatz, %1: %2 Bilder/s</translation>
    </message>
    <message>
        <source>## Settings</source>
        <translation>## Einstellungen</translation>
    </message>
    <message>
        <source>- training data: %1 (%2 images); test data: %3</source>
        <translation>- Trainingsdaten: %1 (%2 Bilder); Testdaten: %3</translation>
    </message>
    <message>
        <source>- classes: %1</source>
        <translation>- Klassen: %1</translation>
    </message>
    <message>
        <source>- project: %1</source>
        <translation>- Projekt: %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Seed %1: drawing %2 labeled images, class-balanced</source>
        <translation>Seed %1: %2 gelabelte Bilder werden klassenbalanciert gezogen</translation>
    </message>
    <message>
        <source>Seed %1: FixMatch, pseudo-labels, proxy training dynamics and scores</source>
        <translation>Seed %1: FixMatch, Pseudo-Labels, Trainingsdynamik des Proxys und Scores</translation>
    </message>
    <message>
        <source>The seed labeled %1 of %2 classes: every class needs seed images.</source>
        <translation>Der Seed hat %1 von %2 Klassen gelabelt: Jede Klasse braucht Seed-Bilder.</translation>
    </message>
    <message>
        <source>A pool image has no known label.</source>
        <translation>Ein Bild im Pool hat kein bekanntes Label.</translation>
    </message>
    <message>
        <source>Seed %1: the full pool with true labels (reference)</source>
        <translation>Seed %1: der ganze Pool mit wahren Labels (Referenz)</translation>
    </message>
    <message>
        <source>Seed %1: proxy training dynamics on true labels (reference)</source>
        <translation>Seed %1: Trainingsdynamik des Proxys mit wahren Labels (Referenz)</translation>
    </message>
    <message>
        <source>Internal error: the random subset (%1) and the coreset (%2) differ in size.</source>
        <translation>Interner Fehler: Die zufällige Teilmenge (%1) und das Coreset (%2) sind verschieden groß.</translation>
    </message>
    <message>
        <source>A class-balanced seed of %1 images cannot cover %2 classes.</source>
        <translation>Ein klassenbalancierter Seed aus %1 Bildern kann %2 Klassen nicht abdecken.</translation>
    </message>
    <message>
        <source>training pool</source>
        <translation>Trainingspool</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>Validierungsmenge</translation>
    </message>
    <message>
        <source>Writing the training pool</source>
        <translation>Trainingspool wird geschrieben</translation>
    </message>
    <message>
        <source>Decoding %1 validation and %2 test images</source>
        <translation>%1 Validierungs- und %2 Testbilder werden dekodiert</translation>
    </message>
    <message>
        <source>Unknown benchmark profile &quot;%1&quot;: use quick or full.</source>
        <translation>Unbekanntes Benchmark-Profil &quot;%1&quot;: Verwenden Sie quick oder full.</translation>
    </message>
    <message>
        <source>Give at least one pruning rate.</source>
        <translation>Geben Sie mindestens eine Ausdünnungsrate an.</translation>
    </message>
    <message>
        <source>A pruning rate must lie strictly between 0 and 1 (0.9 prunes 90 %), not %1.</source>
        <translation>Eine Ausdünnungsrate muss echt zwischen 0 und 1 liegen (0.9 entfernt 90 %), nicht %1.</translation>
    </message>
    <message>
        <source>The seed needs at least 2 labeled images (asked for %1).</source>
        <translation>Der Seed braucht mindestens 2 gelabelte Bilder (verlangt: %1).</translation>
    </message>
    <message>
        <source>The validation split needs at least 2 labeled images (asked for %1).</source>
        <translation>Die Validierungsmenge braucht mindestens 2 gelabelte Bilder (verlangt: %1).</translation>
    </message>
    <message>
        <source>The beta search needs a spread of 0 or more and a step inside (0, 1).</source>
        <translation>Die Beta-Suche braucht eine Spanne von 0 oder mehr und eine Schrittweite in (0, 1).</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 must hold one sub-folder per class with the images in it (an ImageFolder tree).</source>
        <translation>%1 muss je Klasse einen Unterordner mit deren Bildern enthalten (ein ImageFolder-Baum).</translation>
    </message>
    <message>
        <source>%1 has fewer than two class folders with readable images.</source>
        <translation>%1 hat weniger als zwei Klassenordner mit lesbaren Bildern.</translation>
    </message>
    <message>
        <source>%1 must hold images (idx3) and %2 labels (idx1).</source>
        <translation>%1 muss Bilder (idx3) und %2 Labels (idx1) enthalten.</translation>
    </message>
    <message>
        <source>%1 has %2 images but %3 has %4 labels.</source>
        <translation>%1 hat %2 Bilder, aber %3 hat %4 Labels.</translation>
    </message>
    <message>
        <source>%1 has label %2, but only %3 class names are known.</source>
        <translation>%1 enthält das Label %2, aber nur %3 Klassennamen sind bekannt.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be copied to %2.</source>
        <translation>%1 kann nicht nach %2 kopiert werden.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The test set&apos;s classes differ from the training set&apos;s: only in training: %1; only in test: %2.</source>
        <translation>Die Klassen des Testsatzes weichen von denen des Trainingssatzes ab: nur im Training: %1; nur im Test: %2.</translation>
    </message>
    <message>
        <source>Class &quot;%1&quot; has %2 training images, too few for its %3 images of the validation split.</source>
        <translation>Die Klasse &quot;%1&quot; hat %2 Trainingsbilder, zu wenige für ihre %3 Bilder der Validierungsmenge.</translation>
    </message>
    <message>
        <source>A pool of %1 images was asked for, but only %2 training images remain after the validation split.</source>
        <translation>Ein Pool aus %1 Bildern wurde verlangt, aber nach der Validierungsmenge bleiben nur %2 Trainingsbilder.</translation>
    </message>
    <message>
        <source>Class &quot;%1&quot; has %2 images in the pool, too few for class-balanced seeds of %3 images in %4 repetitions (%5 of that class, and some left unlabeled).</source>
        <translation>Die Klasse &quot;%1&quot; hat %2 Bilder im Pool, zu wenige für klassenbalancierte Seeds aus %3 Bildern in %4 Wiederholungen (%5 dieser Klasse, und einige bleiben ungelabelt).</translation>
    </message>
    <message>
        <source>The test image %1 is also in the %2: test images must never be trained on or used to choose beta.</source>
        <translation>Das Testbild %1 ist auch in: %2. Mit Testbildern darf nie trainiert oder Beta gewählt werden.</translation>
    </message>
    <message>
        <source>Internal error: the test images were about to be trained on.</source>
        <translation>Interner Fehler: Mit den Testbildern wäre trainiert worden.</translation>
    </message>
    <message>
        <source>## Best epoch (optimistic)</source>
        <translation>## Beste Epoche (optimistisch)</translation>
    </message>
    <message>
        <source>The same models at the epoch with the highest test accuracy. The epoch is picked on the test set, so these figures flatter every method; they are not used to choose anything.</source>
        <translation>Dieselben Modelle in der Epoche mit der höchsten Testgenauigkeit. Die Epoche wird auf der Testmenge gewählt, daher schmeicheln diese Zahlen jeder Methode; sie werden für keine Auswahl verwendet.</translation>
    </message>
    <message>
        <source>- %1, true-label dynamics: beta %2 per seed</source>
        <translation>- %1, Dynamik mit wahren Labels: Beta %2 je Seed</translation>
    </message>
    <message>
        <source>%1 cannot be created.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Seed %1, %2 % pruned: random subset</source>
        <translation>Seed %1, %2 % entfernt: zufällige Teilmenge</translation>
    </message>
    <message>
        <source>%1 is not empty: give a new folder for the benchmark&apos;s pool, project and results, or resume the benchmark that was started in it.</source>
        <translation>%1 ist nicht leer: Geben Sie einen neuen Ordner für Pool, Projekt und Ergebnisse des Benchmarks an, oder setzen Sie den darin begonnenen Benchmark fort.</translation>
    </message>
    <message>
        <source>%1 holds no benchmark to resume.</source>
        <translation>%1 enthält keinen Benchmark, der fortgesetzt werden kann.</translation>
    </message>
    <message>
        <source>The benchmark in %1 was started with other settings or data: %2. Resume it with the same ones, or give a new folder.</source>
        <translation>Der Benchmark in %1 wurde mit anderen Einstellungen oder Daten begonnen: %2. Setzen Sie ihn mit denselben fort, oder geben Sie einen neuen Ordner an.</translation>
    </message>
    <message>
        <source>Resuming: the pool and the project are there, and %1 finished steps are kept.</source>
        <translation>Fortsetzung: Pool und Projekt sind vorhanden, %1 abgeschlossene Schritte bleiben erhalten.</translation>
    </message>
    <message>
        <source>**Partial: %1 of %2 seeds finished.** The benchmark is still running, or it was stopped and continues with the same command and --resume.</source>
        <translation>**Vorläufig: %1 von %2 Seeds fertig.** Der Benchmark läuft noch, oder er wurde angehalten und wird mit demselben Befehl und --resume fortgesetzt.</translation>
    </message>
    <message>
        <source>Seed %1: labeling the %2 images drawn before, class-balanced</source>
        <translation>Seed %1: die %2 zuvor gezogenen Bilder werden beschriftet, klassenweise ausgewogen</translation>
    </message>
    <message>
        <source>SemiPrune, class-aware cutoff (beta chosen on validation)</source>
        <translation>SemiPrune, klassenbewusstes Abschneiden (Beta auf der Validierung gewählt)</translation>
    </message>
    <message>
        <source>True-label dynamics, class-aware cutoff</source>
        <translation>Dynamik mit wahren Labels, klassenbewusstes Abschneiden</translation>
    </message>
    <message>
        <source>- %1, class-aware cutoff: beta %2 per seed</source>
        <translation>- %1, klassenbewusstes Abschneiden: Beta %2 je Seed</translation>
    </message>
    <message>
        <source>- %1, true-label dynamics, class-aware cutoff: beta %2 per seed</source>
        <translation>- %1, Dynamik mit wahren Labels, klassenbewusstes Abschneiden: Beta %2 je Seed</translation>
    </message>
    <message>
        <source>The seeds and the final epochs must be positive, and the pool size not negative.</source>
        <translation>Seeds und letzte Epochen müssen positiv sein, die Poolgröße darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>SemiPrune, CCS (beta chosen on validation)</source>
        <translation>SemiPrune, CCS (Beta auf der Validierung gewählt)</translation>
    </message>
    <message>
        <source>SemiPrune, DUAL-Beta (c chosen on validation)</source>
        <translation>SemiPrune, DUAL-Beta (c auf der Validierung gewählt)</translation>
    </message>
    <message>
        <source>SemiPrune, diverse (D2; beta chosen on validation)</source>
        <translation>SemiPrune, vielfältig (D2; Beta auf der Validierung gewählt)</translation>
    </message>
    <message>
        <source>- %1, CCS: beta %2 per seed</source>
        <translation>- %1, CCS: Beta %2 je Seed</translation>
    </message>
    <message>
        <source>- %1, DUAL-Beta: c %2 per seed</source>
        <translation>- %1, DUAL-Beta: c %2 je Seed</translation>
    </message>
    <message>
        <source>- %1, diverse: beta %2 per seed</source>
        <translation>- %1, vielfältig: Beta %2 je Seed</translation>
    </message>
    <message>
        <source>Each parameter is chosen by its validation accuracy averaged with its neighbours on the grid; the plain best would have chosen otherwise in %1 of %2 searches.</source>
        <translation>Jeder Parameter wird nach seiner Validierungsgenauigkeit gemittelt mit seinen Nachbarn im Raster gewählt; der einfach beste Wert hätte in %1 von %2 Suchen anders gewählt.</translation>
    </message>
    <message>
        <source>Seed %1, %2 % pruned, %3: %4 %5 on the validation split</source>
        <translation>Seed %1, %2 % beschnitten, %3: %4 %5 auf der Validierungsmenge</translation>
    </message>
    <message>
        <source>The benchmark measures the selectors cutoff, ccs, dual-beta and diverse (random always; the class-aware cutoff with --class-cutoff), not %1.</source>
        <translation>Der Benchmark misst die Auswahlverfahren cutoff, ccs, dual-beta und diverse (random immer; das klassenbewusste Abschneiden mit --class-cutoff), nicht %1.</translation>
    </message>
    <message>
        <source>- total time: %1 min on %2 with %3 thread(s), %4</source>
        <translation>- Gesamtzeit: %1 min auf %2 mit %3 Thread(s), %4</translation>
    </message>
</context>
<context>
    <name>BenchmarkPlot</name>
    <message>
        <source>Pruning rate</source>
        <translation>Ausdünnungsrate</translation>
    </message>
    <message>
        <source>Test accuracy (%)</source>
        <translation>Testgenauigkeit (%)</translation>
    </message>
    <message>
        <source>Accuracy after pruning (%1 seed(s), %2 pool images)</source>
        <translation>Genauigkeit nach dem Ausdünnen (%1 Seed(s), %2 Pool-Bilder)</translation>
    </message>
    <message>
        <source>Full pool (no pruning)</source>
        <translation>Ganzer Pool (nicht ausgedünnt)</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Accuracy after pruning (partial: %1 of %2 seeds, %3 pool images)</source>
        <translation>Genauigkeit nach dem Ausdünnen (vorläufig: %1 von %2 Seeds, %3 Pool-Bilder)</translation>
    </message>
</context>
<context>
    <name>BrowsePreset</name>
    <message>
        <source>&amp;All Images</source>
        <translation>&amp;Alle Bilder</translation>
    </message>
    <message>
        <source>&amp;Hardest First</source>
        <translation>&amp;Schwerste zuerst</translation>
    </message>
    <message>
        <source>&amp;Easiest First</source>
        <translation>&amp;Leichteste zuerst</translation>
    </message>
    <message>
        <source>&amp;Least Confident Pseudo-Labels</source>
        <translation>&amp;Unsicherste Pseudo-Labels</translation>
    </message>
    <message>
        <source>&amp;Dropped by the Hard Cutoff</source>
        <translation>Vom harten Schnitt &amp;verworfen</translation>
    </message>
    <message>
        <source>&amp;Kept by the Selection</source>
        <translation>Von der Auswahl &amp;behalten</translation>
    </message>
    <message>
        <source>Every image, without filters, in the loaded order.</source>
        <translation>Jedes Bild, ohne Filter, in der geladenen Reihenfolge.</translation>
    </message>
    <message>
        <source>Scored images from the lowest AUM: ambiguous or likely mislabeled images come first.</source>
        <translation>Bewertete Bilder ab dem niedrigsten AUM: Mehrdeutige oder wahrscheinlich falsch gelabelte Bilder kommen zuerst.</translation>
    </message>
    <message>
        <source>Scored images from the highest AUM: the most typical, redundant images come first.</source>
        <translation>Bewertete Bilder ab dem höchsten AUM: Die typischsten, redundanten Bilder kommen zuerst.</translation>
    </message>
    <message>
        <source>Pseudo-labeled images from the least confident pseudo-label.</source>
        <translation>Bilder mit Pseudo-Label, beginnend mit dem unsichersten Pseudo-Label.</translation>
    </message>
    <message>
        <source>What the newest selection dropped as too hard (likely mislabeled), hardest first.</source>
        <translation>Was die neueste Auswahl als zu schwer verworfen hat (wahrscheinlich falsch gelabelt), schwerste zuerst.</translation>
    </message>
    <message>
        <source>What the newest selection keeps, hardest first.</source>
        <translation>Was die neueste Auswahl behält, schwerste zuerst.</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>Unknown preset &quot;%1&quot;: use fashion-mnist or mnist.</source>
        <translation>Unbekannte Vorgabe „%1“: Verwenden Sie fashion-mnist oder mnist.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ClassTable</name>
    <message>
        <source>A class needs a name.</source>
        <translation>Eine Klasse braucht einen Namen.</translation>
    </message>
    <message>
        <source>The class name &quot;%1&quot; contains control characters.</source>
        <translation>Der Klassenname „%1“ enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>A class named &quot;%1&quot; exists already.</source>
        <translation>Eine Klasse namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>A hotkey is a single key, not &quot;%1&quot;.</source>
        <translation>Ein Tastenkürzel ist eine einzelne Taste, nicht „%1“.</translation>
    </message>
    <message>
        <source>The key %1 is already the hotkey of &quot;%2&quot;.</source>
        <translation>Die Taste %1 ist bereits das Tastenkürzel von „%2“.</translation>
    </message>
    <message>
        <source>The class is still the label of %1 images: relabel or clear them first.</source>
        <translation>Die Klasse ist noch das Label von %1 Bildern: Labeln Sie diese zuerst um oder entfernen Sie ihre Labels.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 is not a SemiPrune project (not an SQLite database).</source>
        <translation>%1 ist kein SemiPrune-Projekt (keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Restore it from a backup or a copy.</source>
        <translation>%1 ist beschädigt (%2). Stellen Sie die Datei aus einer Sicherung oder einer Kopie wieder her.</translation>
    </message>
    <message>
        <source>%1 is read-only: changes cannot be saved in it.</source>
        <translation>%1 ist schreibgeschützt: Änderungen können darin nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <source>The Fashion-MNIST files are not in %1. Install Debian&apos;s package: sudo apt install dataset-fashion-mnist</source>
        <translation>Die Fashion-MNIST-Dateien liegen nicht in %1. Installieren Sie das Debian-Paket: sudo apt install dataset-fashion-mnist</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Distributed</name>
    <message>
        <source>the run was cancelled.</source>
        <translation>der Lauf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not &quot;%2&quot;.</source>
        <translation>%1 muss eine ganze Zahl sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>The token file %1 cannot be read: %2.</source>
        <translation>Die Token-Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The token file %1 is readable by other users: make it private (chmod 600).</source>
        <translation>Die Token-Datei %1 ist für andere Benutzer lesbar: machen Sie sie privat (chmod 600).</translation>
    </message>
    <message>
        <source>WORLD_SIZE must be at least 1 (got %1).</source>
        <translation>WORLD_SIZE muss mindestens 1 sein (erhalten: %1).</translation>
    </message>
    <message>
        <source>RANK must be in 0..%1 for WORLD_SIZE %2 (got %3).</source>
        <translation>RANK muss bei WORLD_SIZE %2 in 0..%1 liegen (erhalten: %3).</translation>
    </message>
    <message>
        <source>SEMIPRUNE_DIST_TIMEOUT must be at least 1 second.</source>
        <translation>SEMIPRUNE_DIST_TIMEOUT muss mindestens 1 Sekunde sein.</translation>
    </message>
    <message>
        <source>MASTER_PORT must be a port number, 1-65535 (got %1).</source>
        <translation>MASTER_PORT muss eine Portnummer sein, 1-65535 (erhalten: %1).</translation>
    </message>
    <message>
        <source>A distributed run needs the job&apos;s token in SEMIPRUNE_TOKEN or SEMIPRUNE_TOKEN_FILE, the same on every rank (`semiprune launch` makes one).</source>
        <translation>Ein verteilter Lauf braucht das Token des Auftrags in SEMIPRUNE_TOKEN oder SEMIPRUNE_TOKEN_FILE, auf jedem Rang dasselbe (`semiprune launch` erzeugt eines).</translation>
    </message>
    <message>
        <source>The images of rank(s) %1 differ from rank 0&apos;s (count, size or pixels): every rank must read the same image folder.</source>
        <translation>Die Bilder von Rang %1 unterscheiden sich von denen von Rang 0 (Anzahl, Größe oder Pixel): Jeder Rang muss denselben Bildordner lesen.</translation>
    </message>
    <message>
        <source>The batch of %1 labeled images cannot be shared by %2 ranks: use a batch of at least %2 or fewer ranks.</source>
        <translation>Der Batch aus %1 gelabelten Bildern lässt sich nicht auf %2 Ränge aufteilen: Verwenden Sie einen Batch von mindestens %2 oder weniger Ränge.</translation>
    </message>
    <message>
        <source>rank 0&apos;s training state</source>
        <translation>der Trainingszustand von Rang 0</translation>
    </message>
    <message>
        <source>Rank 0 stopped: %1</source>
        <translation>Rang 0 hat angehalten: %1</translation>
    </message>
    <message>
        <source>Rank 0 sent an order this rank does not understand: every rank must run the same SemiPrune.</source>
        <translation>Rang 0 hat einen Auftrag geschickt, den dieser Rang nicht versteht: Jeder Rang muss dasselbe SemiPrune ausführen.</translation>
    </message>
    <message>
        <source>Port %1 is in use on this host: choose another MASTER_PORT.</source>
        <translation>Port %1 ist auf diesem Rechner belegt: Wählen Sie einen anderen MASTER_PORT.</translation>
    </message>
    <message>
        <source>Rank 0 could not listen on port %1: %2.</source>
        <translation>Rang 0 konnte nicht auf Port %1 lauschen: %2.</translation>
    </message>
    <message>
        <source>Rank %1 could not reach the master at %2:%3 within %4 s (%5).</source>
        <translation>Rang %1 hat den Master unter %2:%3 nicht innerhalb von %4 s erreicht (%5).</translation>
    </message>
    <message>
        <source>Rank(s) %1 of %2 never arrived within %3 s.</source>
        <translation>Rang %1 von %2 ist nicht innerhalb von %3 s eingetroffen.</translation>
    </message>
    <message>
        <source>Another process has already joined this run as rank %1.</source>
        <translation>Ein anderer Prozess ist diesem Lauf bereits als Rang %1 beigetreten.</translation>
    </message>
    <message>
        <source>Rank %1 could not join the run: %2.</source>
        <translation>Rang %1 konnte dem Lauf nicht beitreten: %2.</translation>
    </message>
    <message>
        <source>The other ranks cannot be reached any more: %1.</source>
        <translation>Die anderen Ränge sind nicht mehr erreichbar: %1.</translation>
    </message>
    <message>
        <source>%1 lost rank 0: %2.</source>
        <translation>%1 hat Rang 0 verloren: %2.</translation>
    </message>
    <message>
        <source>rank %1 of %2</source>
        <translation>Rang %1 von %2</translation>
    </message>
    <message>
        <source>Rank %1 presented a wrong token: every rank needs the job&apos;s token.</source>
        <translation>Rang %1 hat ein falsches Token vorgelegt: Jeder Rang braucht das Token des Auftrags.</translation>
    </message>
    <message>
        <source>Rank %1 runs something else than rank 0: &quot;%2&quot; against &quot;%3&quot;.</source>
        <translation>Rang %1 führt etwas anderes aus als Rang 0: „%2“ gegenüber „%3“.</translation>
    </message>
    <message>
        <source>The distributed run stopped on %1: another rank left or did not answer within %2 s (%3).</source>
        <translation>Der verteilte Lauf hat auf %1 angehalten: Ein anderer Rang ist gegangen oder hat nicht innerhalb von %2 s geantwortet (%3).</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>The near-copy distance must be between 0 and %1 (asked for %2).</source>
        <translation>Der Abstand für Beinahe-Kopien muss zwischen 0 und %1 liegen (verlangt: %2).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Cannot write the summary %1: %2.</source>
        <translation>Die Zusammenfassung %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Exporting images</source>
        <translation>Bilder werden exportiert</translation>
    </message>
    <message>
        <source>Nothing to export: all %1 image files are gone from the image folder.</source>
        <translation>Nichts zu exportieren: Alle %1 Bilddateien fehlen im Bildordner.</translation>
    </message>
    <message>
        <source>Unknown export mode &quot;%1&quot;: use copy, hardlink or symlink.</source>
        <translation>Unbekannter Exportmodus „%1“: Verwenden Sie copy, hardlink oder symlink.</translation>
    </message>
    <message>
        <source>No target folder given for the export.</source>
        <translation>Für den Export wurde kein Zielordner angegeben.</translation>
    </message>
    <message>
        <source>The validation fraction must be at least 0 and below 1, not %1.</source>
        <translation>Der Validierungsanteil muss mindestens 0 und kleiner als 1 sein, nicht %1.</translation>
    </message>
    <message>
        <source>The project has no selection yet: select a coreset first, or export all labeled images instead.</source>
        <translation>Das Projekt hat noch keine Auswahl: Wählen Sie zuerst ein Coreset aus oder exportieren Sie stattdessen alle gelabelten Bilder.</translation>
    </message>
    <message>
        <source>There is no selection named &quot;%1&quot;; the project has: %2.</source>
        <translation>Es gibt keine Auswahl namens „%1“; das Projekt hat: %2.</translation>
    </message>
    <message>
        <source>The image folder %1 is not there (moved, or a disk not mounted): point the project to its new place first.</source>
        <translation>Der Bildordner %1 ist nicht vorhanden (verschoben oder ein Laufwerk nicht eingehängt): Verweisen Sie das Projekt zuerst auf seinen neuen Ort.</translation>
    </message>
    <message>
        <source>Planning the export</source>
        <translation>Export wird geplant</translation>
    </message>
    <message>
        <source>the selection keeps no images</source>
        <translation>die Auswahl behält keine Bilder</translation>
    </message>
    <message>
        <source>the project has no images</source>
        <translation>das Projekt hat keine Bilder</translation>
    </message>
    <message numerus="yes">
        <source>%n image file(s) are gone from the image folder</source>
        <translation>
            <numerusform>%n Bilddatei fehlt im Bildordner</numerusform>
            <numerusform>%n Bilddateien fehlen im Bildordner</numerusform>
        </translation>
    </message>
    <message>
        <source>no image has a human label (%1 have only a pseudo-label)</source>
        <translation>kein Bild hat ein von Hand vergebenes Label (%1 haben nur ein Pseudo-Label)</translation>
    </message>
    <message>
        <source>the labeled images are unreadable</source>
        <translation>die gelabelten Bilder sind unlesbar</translation>
    </message>
    <message>
        <source>no image has a label yet: label some, or pseudo-label the rest</source>
        <translation>noch kein Bild hat ein Label: Labeln Sie einige oder vergeben Sie Pseudo-Labels für den Rest</translation>
    </message>
    <message>
        <source>Nothing to export: %1.</source>
        <translation>Nichts zu exportieren: %1.</translation>
    </message>
    <message>
        <source>The disk is full (or over its quota) writing %1: free some space or export to another disk.</source>
        <translation>Beim Schreiben von %1 ist das Laufwerk voll (oder das Kontingent überschritten): Geben Sie Speicherplatz frei oder exportieren Sie auf ein anderes Laufwerk.</translation>
    </message>
    <message>
        <source>%1 is on a read-only file system: choose a target folder on a writable disk.</source>
        <translation>%1 liegt auf einem schreibgeschützten Dateisystem: Wählen Sie einen Zielordner auf einem beschreibbaren Laufwerk.</translation>
    </message>
    <message>
        <source>No permission to write %1: choose a target folder you may write to.</source>
        <translation>Keine Berechtigung, %1 zu schreiben: Wählen Sie einen Zielordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Cannot write %1: a part of that path is a file, not a folder.</source>
        <translation>%1 kann nicht geschrieben werden: Ein Teil dieses Pfades ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot hard-link %1: the export folder is on another file system than the images. Use copy mode (or symbolic links), or export to the images&apos; disk.</source>
        <translation>Für %1 kann kein harter Link angelegt werden: Der Exportordner liegt auf einem anderen Dateisystem als die Bilder. Verwenden Sie den Kopiermodus (oder symbolische Links) oder exportieren Sie auf das Laufwerk der Bilder.</translation>
    </message>
    <message>
        <source>Cannot hard-link %1 into %2: %3 (the file system may not support hard links, or may not allow linking files you do not own). Use copy mode instead.</source>
        <translation>Für %1 kann in %2 kein harter Link angelegt werden: %3 (das Dateisystem unterstützt vielleicht keine harten Links oder erlaubt keine Links auf Dateien, die Ihnen nicht gehören). Verwenden Sie stattdessen den Kopiermodus.</translation>
    </message>
    <message>
        <source>Cannot read the image %1: %2.</source>
        <translation>Das Bild %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Cannot write the manifest %1: %2.</source>
        <translation>Das Manifest %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot create the export there: %1 is a file, not a folder.</source>
        <translation>Der Export kann dort nicht angelegt werden: %1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>%1 cannot hold an export: name a folder in it.</source>
        <translation>%1 kann keinen Export aufnehmen: Geben Sie einen Ordner darin an.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link: give the folder it points to instead.</source>
        <translation>%1 ist ein symbolischer Link: Geben Sie stattdessen den Ordner an, auf den er zeigt.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: choose a new or empty folder for the export.</source>
        <translation>%1 ist eine Datei, kein Ordner: Wählen Sie einen neuen oder leeren Ordner für den Export.</translation>
    </message>
    <message>
        <source>The export cannot go into %1: SemiPrune never writes into the image folder or the project.</source>
        <translation>Der Export kann nicht nach %1: SemiPrune schreibt nie in den Bildordner oder in das Projekt.</translation>
    </message>
    <message>
        <source>%1 holds %2: an export there would replace it. Choose another folder.</source>
        <translation>%1 enthält %2: Ein Export dorthin würde es ersetzen. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 is not empty: choose a new or empty folder, or overwrite an earlier export.</source>
        <translation>%1 ist nicht leer: Wählen Sie einen neuen oder leeren Ordner oder überschreiben Sie einen früheren Export.</translation>
    </message>
    <message>
        <source>%1 is not empty and is not an earlier export (it has no manifest.csv and summary.json): only an earlier export is overwritten. Choose a new or empty folder.</source>
        <translation>%1 ist nicht leer und kein früherer Export (es fehlen manifest.csv und summary.json): Überschrieben wird nur ein früherer Export. Wählen Sie einen neuen oder leeren Ordner.</translation>
    </message>
    <message>
        <source>Cannot create a working folder beside %1.</source>
        <translation>Neben %1 kann kein Arbeitsordner angelegt werden.</translation>
    </message>
    <message>
        <source>%1 was filled by something else while the export ran: it was left as it was.</source>
        <translation>%1 wurde während des Exports von etwas anderem befüllt: Der Ordner wurde unverändert gelassen.</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>The stored image features are damaged.</source>
        <translation>Die gespeicherten Bildmerkmale sind beschädigt.</translation>
    </message>
    <message>
        <source>A neighbour graph needs at least one neighbour per image.</source>
        <translation>Ein Nachbarschaftsgraph braucht mindestens einen Nachbarn je Bild.</translation>
    </message>
</context>
<context>
    <name>FolderImporter</name>
    <message>
        <source>%1 has class sub-folders. Choose how to use them: as known labels (label mode &quot;known&quot;), or as hidden reference labels for evaluation only (label mode &quot;hidden&quot;).</source>
        <translation>%1 hat Klassen-Unterordner. Wählen Sie, wie sie verwendet werden: als bekannte Labels (Label-Modus „known“) oder als verborgene Referenzlabels nur zur Bewertung (Label-Modus „hidden“).</translation>
    </message>
    <message>
        <source>%1 has class sub-folders: the label mode must be known or hidden.</source>
        <translation>%1 hat Klassen-Unterordner: Der Label-Modus muss known oder hidden sein.</translation>
    </message>
    <message>
        <source>This project treats its class folders as %1 labels; importing them as %2 labels would mix the two. Create a new project instead.</source>
        <translation>Dieses Projekt behandelt seine Klassenordner als %1-Labels; sie als %2-Labels zu importieren, würde beides vermischen. Legen Sie stattdessen ein neues Projekt an.</translation>
    </message>
    <message>
        <source>too large (%1 x %2 pixels; the limit is %3 megapixels)</source>
        <translation>zu groß (%1 × %2 Pixel; die Grenze liegt bei %3 Megapixeln)</translation>
    </message>
    <message>
        <source>the file name says %1 but the content is %2</source>
        <translation>der Dateiname sagt %1, der Inhalt ist aber %2</translation>
    </message>
    <message>
        <source>%1 is read-only: cannot import into it.</source>
        <translation>%1 ist schreibgeschützt: Ein Import ist nicht möglich.</translation>
    </message>
    <message>
        <source>The image folder %1 no longer exists. If it moved, point the project to its new place.</source>
        <translation>Den Bildordner %1 gibt es nicht mehr. Falls er verschoben wurde, verweisen Sie das Projekt auf seinen neuen Ort.</translation>
    </message>
    <message>
        <source>No images found in %1 (looked for jpg, jpeg, png, bmp, webp, tif, tiff, pgm, ppm, pbm, pnm).</source>
        <translation>In %1 wurden keine Bilder gefunden (gesucht nach jpg, jpeg, png, bmp, webp, tif, tiff, pgm, ppm, pbm, pnm).</translation>
    </message>
    <message>
        <source>Reading image headers</source>
        <translation>Bildköpfe werden gelesen</translation>
    </message>
    <message>
        <source>the file vanished during the import</source>
        <translation>die Datei ist während des Imports verschwunden</translation>
    </message>
</context>
<context>
    <name>FolderScan</name>
    <message>
        <source>The image folder %1 does not exist.</source>
        <translation>Den Bildordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>The image folder %1 cannot be read (permission denied).</source>
        <translation>Der Bildordner %1 kann nicht gelesen werden (Zugriff verweigert).</translation>
    </message>
    <message>
        <source>Scanning folders</source>
        <translation>Ordner werden durchsucht</translation>
    </message>
    <message>
        <source>a symbolic link to nothing, or in a loop</source>
        <translation>ein symbolischer Link ins Leere oder in einer Schleife</translation>
    </message>
    <message>
        <source>the file name is not valid UTF-8, so it cannot be opened by name: rename the file</source>
        <translation>der Dateiname ist kein gültiges UTF-8, daher lässt sich die Datei nicht über ihren Namen öffnen: Benennen Sie die Datei um</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Measuring images</source>
        <translation>Bilder werden vermessen</translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message>
        <source>dark</source>
        <translation>dunkel</translation>
    </message>
    <message>
        <source>overexposed</source>
        <translation>überbelichtet</translation>
    </message>
    <message>
        <source>blurry</source>
        <translation>unscharf</translation>
    </message>
    <message>
        <source>little information</source>
        <translation>wenig Information</translation>
    </message>
    <message>
        <source>looks like noise</source>
        <translation>sieht aus wie Rauschen</translation>
    </message>
    <message>
        <source>odd size</source>
        <translation>ungewöhnliche Größe</translation>
    </message>
    <message>
        <source>odd aspect ratio</source>
        <translation>ungewöhnliches Seitenverhältnis</translation>
    </message>
    <message>
        <source>gray among color images</source>
        <translation>grau unter Farbbildern</translation>
    </message>
    <message>
        <source>%1 images checked.</source>
        <translation>%1 Bilder geprüft.</translation>
    </message>
    <message>
        <source>%1 images could not be decoded.</source>
        <translation>%1 Bilder ließen sich nicht dekodieren.</translation>
    </message>
    <message>
        <source>Exact copies: %1 groups of %2 images.</source>
        <translation>Exakte Kopien: %1 Gruppen mit %2 Bildern.</translation>
    </message>
    <message>
        <source>Near copies: %1 groups of %2 images.</source>
        <translation>Beinahe-Kopien: %1 Gruppen mit %2 Bildern.</translation>
    </message>
    <message>
        <source>Test or validation images with a copy in training: %1.</source>
        <translation>Test- oder Validierungsbilder mit einer Kopie im Training: %1.</translation>
    </message>
    <message>
        <source>No image is dark, overexposed, blurry, empty, noisy or oddly sized.</source>
        <translation>Kein Bild ist dunkel, überbelichtet, unscharf, leer, verrauscht oder ungewöhnlich groß.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Images with an issue: %1 (%2).</source>
        <translation>Bilder mit einem Problem: %1 (%2).</translation>
    </message>
    <message>
        <source>The inspector shows each image&apos;s issues. semiprune duplicates and semiprune audit list every group, leak and flagged image.</source>
        <translation>Der Inspektor zeigt die Probleme jedes Bildes. semiprune duplicates und semiprune audit listen jede Gruppe, jedes Leck und jedes markierte Bild auf.</translation>
    </message>
    <message>
        <source>Checking the images</source>
        <translation>Die Bilder werden geprüft</translation>
    </message>
    <message>
        <source>The Image Check Failed</source>
        <translation>Die Bildprüfung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Image Check</source>
        <translation>Bildprüfung</translation>
    </message>
</context>
<context>
    <name>IdxConverter</name>
    <message>
        <source>%1: an images file has 3 dimensions (count, rows, columns), this one has %2.</source>
        <translation>%1: Eine Bilddatei hat 3 Dimensionen (Anzahl, Zeilen, Spalten), diese hat %2.</translation>
    </message>
    <message>
        <source>%1: images of %2 x %3 pixels are not plausible for IDX data.</source>
        <translation>%1: Bilder mit %2 × %3 Pixeln sind für IDX-Daten nicht plausibel.</translation>
    </message>
    <message>
        <source>%1: a labels file has 1 dimension, this one has %2.</source>
        <translation>%1: Eine Label-Datei hat 1 Dimension, diese hat %2.</translation>
    </message>
    <message>
        <source>%1 has %2 images but %3 has %4 labels.</source>
        <translation>%1 hat %2 Bilder, aber %3 hat %4 Labels.</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existiert und ist kein Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 is not empty: choose an empty or new folder for the converted images.</source>
        <translation>Der Ordner %1 ist nicht leer: Wählen Sie einen leeren oder neuen Ordner für die umgewandelten Bilder.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht angelegt werden: Den Ordner %2 gibt es nicht.</translation>
    </message>
    <message>
        <source>No IDX files given.</source>
        <translation>Keine IDX-Dateien angegeben.</translation>
    </message>
    <message>
        <source>Reading IDX files</source>
        <translation>IDX-Dateien werden gelesen</translation>
    </message>
    <message>
        <source>Two IDX parts are both for the %1 split.</source>
        <translation>Zwei IDX-Teile sind beide für die Aufteilung %1.</translation>
    </message>
    <message>
        <source>The labels go up to %1 but only %2 class names were given.</source>
        <translation>Die Labels reichen bis %1, aber es wurden nur %2 Klassennamen angegeben.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Writing %1 images</source>
        <translation>%1-Bilder werden geschrieben</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot move the converted images into %1.</source>
        <translation>Die umgewandelten Bilder können nicht nach %1 verschoben werden.</translation>
    </message>
</context>
<context>
    <name>IdxFile</name>
    <message>
        <source>%1: cannot start decompression.</source>
        <translation>%1: Das Entpacken kann nicht gestartet werden.</translation>
    </message>
    <message>
        <source>%1: decompresses to more than %2 GB; not an IDX file.</source>
        <translation>%1: Entpackt mehr als %2 GB; keine IDX-Datei.</translation>
    </message>
    <message>
        <source>%1: the gzip data is truncated.</source>
        <translation>%1: Die gzip-Daten sind abgeschnitten.</translation>
    </message>
    <message>
        <source>%1: the gzip data is corrupt.</source>
        <translation>%1: Die gzip-Daten sind beschädigt.</translation>
    </message>
    <message>
        <source>%1: too short to be an IDX file (%2 bytes).</source>
        <translation>%1: Zu kurz für eine IDX-Datei (%2 Bytes).</translation>
    </message>
    <message>
        <source>%1: wrong magic number (the file starts with %2 %3, an IDX file with 00 00).</source>
        <translation>%1: Falsche magische Zahl (die Datei beginnt mit %2 %3, eine IDX-Datei mit 00 00).</translation>
    </message>
    <message>
        <source>%1: elements of type %2 are not supported (images and labels are unsigned bytes).</source>
        <translation>%1: Elemente vom Typ %2 werden nicht unterstützt (Bilder und Labels sind vorzeichenlose Bytes).</translation>
    </message>
    <message>
        <source>%1: %2 dimensions; IDX images have 3 and labels 1.</source>
        <translation>%1: %2 Dimensionen; IDX-Bilder haben 3 und Labels 1.</translation>
    </message>
    <message>
        <source>%1: the file ends inside its header.</source>
        <translation>%1: Die Datei endet innerhalb ihres Kopfes.</translation>
    </message>
    <message>
        <source>%1: dimension %2 has an impossible size (%3).</source>
        <translation>%1: Dimension %2 hat eine unmögliche Größe (%3).</translation>
    </message>
    <message>
        <source>%1: the header claims more than %2 GB of data.</source>
        <translation>%1: Der Kopf gibt mehr als %2 GB Daten an.</translation>
    </message>
    <message>
        <source>%1: truncated: the header promises %2 bytes of data, the file has %3.</source>
        <translation>%1: Abgeschnitten: Der Kopf verspricht %2 Bytes Daten, die Datei hat %3.</translation>
    </message>
    <message>
        <source>%1: %2 unexpected bytes after the data; the dimensions in the header are wrong.</source>
        <translation>%1: %2 unerwartete Bytes nach den Daten; die Dimensionen im Kopf sind falsch.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 GB; not an IDX file.</source>
        <translation>%1 ist größer als %2 GB; keine IDX-Datei.</translation>
    </message>
</context>
<context>
    <name>ImageDecoder</name>
    <message>
        <source>the file could not be read completely</source>
        <translation>die Datei konnte nicht vollständig gelesen werden</translation>
    </message>
    <message>
        <source>the image is too large (%1 x %2 pixels; the limit is %3 megapixels)</source>
        <translation>das Bild ist zu groß (%1 × %2 Pixel; die Grenze liegt bei %3 Megapixeln)</translation>
    </message>
    <message>
        <source>the %1 data is corrupt (%2)</source>
        <translation>die %1-Daten sind beschädigt (%2)</translation>
    </message>
    <message>
        <source>the %1 data is corrupt or truncated</source>
        <translation>die %1-Daten sind beschädigt oder abgeschnitten</translation>
    </message>
</context>
<context>
    <name>ImageFile</name>
    <message>
        <source>a symbolic link to nothing</source>
        <translation>ein symbolischer Link ins Leere</translation>
    </message>
    <message>
        <source>a symbolic link in a loop</source>
        <translation>ein symbolischer Link in einer Schleife</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>the file is no longer in the image folder</source>
        <translation>die Datei ist nicht mehr im Bildordner</translation>
    </message>
    <message>
        <source>not a regular file (a pipe, socket or device)</source>
        <translation>keine reguläre Datei (eine Pipe, ein Socket oder ein Gerät)</translation>
    </message>
    <message>
        <source>a folder, not an image file</source>
        <translation>ein Ordner, keine Bilddatei</translation>
    </message>
</context>
<context>
    <name>ImageHeader</name>
    <message>
        <source>the header gives an impossible size (%1 x %2)</source>
        <translation>der Kopf gibt eine unmögliche Größe an (%1 × %2)</translation>
    </message>
    <message>
        <source>PNG without an IHDR chunk</source>
        <translation>PNG ohne IHDR-Chunk</translation>
    </message>
    <message>
        <source>PNG with an unknown color type</source>
        <translation>PNG mit unbekanntem Farbtyp</translation>
    </message>
    <message>
        <source>JPEG with a broken marker structure</source>
        <translation>JPEG mit defekter Marker-Struktur</translation>
    </message>
    <message>
        <source>JPEG with a broken segment length</source>
        <translation>JPEG mit defekter Segmentlänge</translation>
    </message>
    <message>
        <source>JPEG without a frame header</source>
        <translation>JPEG ohne Frame-Header</translation>
    </message>
    <message>
        <source>the file ends before the JPEG frame header</source>
        <translation>die Datei endet vor dem JPEG-Frame-Header</translation>
    </message>
    <message>
        <source>BMP with an unknown header</source>
        <translation>BMP mit unbekanntem Kopf</translation>
    </message>
    <message>
        <source>WebP with a broken VP8 frame</source>
        <translation>WebP mit defektem VP8-Frame</translation>
    </message>
    <message>
        <source>WebP with a broken lossless header</source>
        <translation>WebP mit defektem Lossless-Kopf</translation>
    </message>
    <message>
        <source>WebP with an unknown chunk</source>
        <translation>WebP mit unbekanntem Chunk</translation>
    </message>
    <message>
        <source>PNM with a malformed header</source>
        <translation>PNM mit fehlerhaftem Kopf</translation>
    </message>
    <message>
        <source>the file ends inside the PNM header</source>
        <translation>die Datei endet innerhalb des PNM-Kopfes</translation>
    </message>
    <message>
        <source>PNM with an invalid maximum value</source>
        <translation>PNM mit ungültigem Maximalwert</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>die Datei ist leer (0 Bytes)</translation>
    </message>
    <message>
        <source>not an image in a supported format</source>
        <translation>kein Bild in einem unterstützten Format</translation>
    </message>
    <message>
        <source>the file is truncated inside the %1 header</source>
        <translation>die Datei ist innerhalb des %1-Kopfes abgeschnitten</translation>
    </message>
    <message>
        <source>the header gives an impossible pixel format (%1 channels of %2 bits)</source>
        <translation>der Header nennt ein unmögliches Pixelformat (%1 Kanäle zu je %2 Bit)</translation>
    </message>
</context>
<context>
    <name>ImportIdxDialog</name>
    <message>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)</source>
        <translation>IDX-Dateien (*-ubyte *-ubyte.gz *.idx *.idx.gz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>LabelModeQuestion</name>
    <message>
        <source>How should the labels be used?</source>
        <translation>Wie sollen die Labels verwendet werden?</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 comes with class labels.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 bringt Klassenlabels mit.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Known labels&lt;/b&gt;: the labels are right and become the project&apos;s labels.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hidden reference labels&lt;/b&gt;: the labels are kept out of sight and used only to evaluate the selection afterwards. You label a small seed yourself, as you would with unlabeled data. Choose this to benchmark how well SemiPrune works with almost no labels.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Bekannte Labels&lt;/b&gt;: Die Labels stimmen und werden die Labels des Projekts.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Verborgene Referenzlabels&lt;/b&gt;: Die Labels bleiben verborgen und dienen nur dazu, die Auswahl hinterher zu bewerten. Sie labeln selbst einen kleinen Seed, wie bei ungelabelten Daten. Wählen Sie dies, um zu messen, wie gut SemiPrune mit fast keinen Labels arbeitet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Known Labels</source>
        <translation>Bekannte Labels</translation>
    </message>
    <message>
        <source>Hidden Reference Labels</source>
        <translation>Verborgene Referenzlabels</translation>
    </message>
</context>
<context>
    <name>LabelSuggestion</name>
    <message>
        <source>There is no finished run with pseudo-labels and image features yet: run the pipeline first, then ask which images to label next.</source>
        <translation>Es gibt noch keinen abgeschlossenen Lauf mit Pseudo-Labels und Bildmerkmalen: Führen Sie zuerst die Pipeline aus und fragen Sie dann, welche Bilder als Nächstes gelabelt werden sollen.</translation>
    </message>
</context>
<context>
    <name>LabelTable</name>
    <message>
        <source>Cannot label image %1 with class %2: the image or the class does not exist.</source>
        <translation>Bild %1 kann nicht mit Klasse %2 gelabelt werden: Das Bild oder die Klasse gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>Labeling</name>
    <message>
        <source>Line %1: a quote inside an unquoted field.</source>
        <translation>Zeile %1: ein Anführungszeichen in einem Feld ohne Anführungszeichen.</translation>
    </message>
    <message>
        <source>Line %1: text after a closing quote.</source>
        <translation>Zeile %1: Text nach einem schließenden Anführungszeichen.</translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>No image &quot;%1&quot; in the project (give its path relative to the image folder, or #id).</source>
        <translation>Kein Bild „%1“ im Projekt (geben Sie seinen Pfad relativ zum Bildordner oder #id an).</translation>
    </message>
    <message>
        <source>There is no class &quot;%1&quot; (create it, or allow creating classes).</source>
        <translation>Es gibt keine Klasse „%1“ (legen Sie sie an oder erlauben Sie das Anlegen von Klassen).</translation>
    </message>
    <message>
        <source>Line %1: expected 2 fields (path,class), found %2.</source>
        <translation>Zeile %1: 2 Felder erwartet (path,class), %2 gefunden.</translation>
    </message>
    <message>
        <source>Line %1: the path is empty.</source>
        <translation>Zeile %1: Der Pfad ist leer.</translation>
    </message>
    <message>
        <source>line %1: no image &quot;%2&quot;</source>
        <translation>Zeile %1: kein Bild „%2“</translation>
    </message>
    <message>
        <source>line %1: no class &quot;%2&quot;</source>
        <translation>Zeile %1: keine Klasse „%2“</translation>
    </message>
    <message>
        <source>Nothing was changed: %1 rows have problems (%2%3).</source>
        <translation>Nichts wurde geändert: %1 Zeilen haben Probleme (%2%3).</translation>
    </message>
</context>
<context>
    <name>Pipeline</name>
    <message>
        <source>Unknown stage &quot;%1&quot;: use ssl, pseudo-label, dynamics, scores or select.</source>
        <translation>Unbekannte Stufe „%1“: Verwenden Sie ssl, pseudo-label, dynamics, scores oder select.</translation>
    </message>
    <message>
        <source>cancelled; resumes from the last checkpoint</source>
        <translation>abgebrochen; wird beim letzten Checkpoint fortgesetzt</translation>
    </message>
    <message>
        <source>Semi-supervised training (FixMatch)</source>
        <translation>Teilüberwachtes Training (FixMatch)</translation>
    </message>
    <message>
        <source>Pseudo-labeling every image</source>
        <translation>Pseudo-Labels für jedes Bild</translation>
    </message>
    <message>
        <source>FixMatch run %1 saved no model: run the pipeline again.</source>
        <translation>FixMatch-Lauf %1 hat kein Modell gespeichert: Führen Sie die Pipeline erneut aus.</translation>
    </message>
    <message>
        <source>Proxy training, recording training dynamics</source>
        <translation>Proxy-Training, Trainingsdynamik wird aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 is read-only: runs cannot be recorded in it.</source>
        <translation>%1 ist schreibgeschützt: Läufe können darin nicht aufgezeichnet werden.</translation>
    </message>
    <message>
        <source>No image is labeled yet: label a seed first (at least two classes).</source>
        <translation>Noch ist kein Bild gelabelt: Labeln Sie zuerst einen Seed (mindestens zwei Klassen).</translation>
    </message>
    <message>
        <source>Only one class (&quot;%1&quot;) is labeled: label images of at least two classes.</source>
        <translation>Nur eine Klasse („%1“) ist gelabelt: Labeln Sie Bilder aus mindestens zwei Klassen.</translation>
    </message>
    <message>
        <source>There are no difficulty scores yet: run the pipeline first.</source>
        <translation>Es gibt noch keine Schwierigkeitswerte: Führen Sie zuerst die Pipeline aus.</translation>
    </message>
    <message>
        <source>%1 is read-only: selections cannot be saved in it.</source>
        <translation>%1 ist schreibgeschützt: Auswahlen können darin nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>PipelineSettings</name>
    <message>
        <source>FixMatch needs at least one step (asked for %1).</source>
        <translation>FixMatch braucht mindestens einen Schritt (verlangt: %1).</translation>
    </message>
    <message>
        <source>The batch size must be between 2 and 4096 (asked for %1).</source>
        <translation>Die Batchgröße muss zwischen 2 und 4096 liegen (verlangt: %1).</translation>
    </message>
    <message>
        <source>mu (unlabeled images per labeled one) must be between 1 and 64 (asked for %1).</source>
        <translation>mu (ungelabelte Bilder je gelabeltem) muss zwischen 1 und 64 liegen (verlangt: %1).</translation>
    </message>
    <message>
        <source>The confidence threshold must be in (0, 1] (asked for %1).</source>
        <translation>Die Konfidenzschwelle muss in (0, 1] liegen (verlangt: %1).</translation>
    </message>
    <message>
        <source>The proxy training needs at least one epoch (asked for %1).</source>
        <translation>Das Proxy-Training braucht mindestens eine Epoche (verlangt: %1).</translation>
    </message>
    <message>
        <source>The keep ratio must be between 0 and 1, both excluded (asked for %1).</source>
        <translation>Die Behaltequote muss zwischen 0 und 1 liegen, beide ausgeschlossen (verlangt: %1).</translation>
    </message>
    <message>
        <source>beta must satisfy 0 &lt;= beta &lt; 1 - keep ratio = %1 (asked for %2).</source>
        <translation>beta muss 0 &lt;= beta &lt; 1 - Behaltequote = %1 erfüllen (verlangt: %2).</translation>
    </message>
    <message>
        <source>The thread count must be between 0 (all cores) and 1024 (asked for %1).</source>
        <translation>Die Anzahl der Threads muss zwischen 0 (alle Kerne) und 1024 liegen (verlangt: %1).</translation>
    </message>
    <message>
        <source>Unknown device &quot;%1&quot;: use auto, cpu or cuda.</source>
        <translation>Unbekanntes Gerät „%1“: Verwenden Sie auto, cpu oder cuda.</translation>
    </message>
    <message>
        <source>Unknown score &quot;%1&quot;: use aum, forgetting, el2n or dual.</source>
        <translation>Unbekannter Wert „%1“: Verwenden Sie aum, forgetting, el2n oder dual.</translation>
    </message>
    <message>
        <source>Unknown model &quot;%1&quot;: use auto, small-cnn or resnet-18.</source>
        <translation>Unbekanntes Modell „%1“: Verwenden Sie auto, small-cnn oder resnet-18.</translation>
    </message>
    <message>
        <source>The image memory budget cannot be negative (asked for %1 MiB).</source>
        <translation>Der Speicher für Bilder kann nicht negativ sein (verlangt: %1 MiB).</translation>
    </message>
    <message>
        <source>Unknown selector &quot;%1&quot;: use cutoff, class-cutoff, ccs, dual-beta, diverse or random.</source>
        <translation>Unbekanntes Auswahlverfahren „%1“: verwenden Sie cutoff, class-cutoff, ccs, dual-beta, diverse oder random.</translation>
    </message>
    <message>
        <source>Unknown precision &quot;%1&quot;: use auto, float32 or bfloat16.</source>
        <translation>Unbekannte Genauigkeit &quot;%1&quot;: auto, float32 oder bfloat16 verwenden.</translation>
    </message>
    <message>
        <source>Unknown threshold mode &quot;%1&quot;: use fixed or flexmatch.</source>
        <translation>Unbekannte Schwellenart „%1“: Verwenden Sie fixed oder flexmatch.</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>Unknown label mode &quot;%1&quot;: use known or hidden.</source>
        <translation>Unbekannter Label-Modus „%1“: Verwenden Sie known oder hidden.</translation>
    </message>
    <message>
        <source>%1 already exists: choose another project file name.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Namen für die Projektdatei.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht angelegt werden: Den Ordner %2 gibt es nicht.</translation>
    </message>
    <message>
        <source>The image folder %1 does not exist or is not a folder.</source>
        <translation>Den Bildordner %1 gibt es nicht, oder er ist kein Ordner.</translation>
    </message>
    <message>
        <source>The project file %1 does not exist.</source>
        <translation>Die Projektdatei %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>The project file %1 cannot be read (permission denied).</source>
        <translation>Die Projektdatei %1 kann nicht gelesen werden (Zugriff verweigert).</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a SemiPrune project.</source>
        <translation>%1 ist leer: Es ist kein SemiPrune-Projekt.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a SemiPrune project.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein SemiPrune-Projekt.</translation>
    </message>
    <message>
        <source>%1 needs an upgrade to open, but it is read-only. Make it writable or open a writable copy.</source>
        <translation>%1 muss zum Öffnen aktualisiert werden, ist aber schreibgeschützt. Machen Sie die Datei beschreibbar oder öffnen Sie eine beschreibbare Kopie.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: it lacks the table(s) %2. Restore it from a backup or a copy.</source>
        <translation>%1 ist beschädigt: Es fehlen die Tabelle(n) %2. Stellen Sie die Datei aus einer Sicherung oder einer Kopie wieder her.</translation>
    </message>
</context>
<context>
    <name>ProjectWorkflows</name>
    <message>
        <source>Imported %1 images in %2 s</source>
        <translation>%1 Bilder in %2 s importiert</translation>
    </message>
    <message>
        <source>, %1 unreadable</source>
        <translation>, %1 unlesbar</translation>
    </message>
    <message>
        <source>, %1 labels</source>
        <translation>, %1 Labels</translation>
    </message>
    <message>
        <source>, %1 vanished during the import</source>
        <translation>, %1 während des Imports verschwunden</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Unknown split &quot;%1&quot;: use train, val or test.</source>
        <translation>Unbekannte Aufteilung „%1“: Verwenden Sie train, val oder test.</translation>
    </message>
    <message>
        <source>Unknown label source &quot;%1&quot;.</source>
        <translation>Unbekannte Label-Quelle „%1“.</translation>
    </message>
</context>
<context>
    <name>RunLock</name>
    <message>
        <source>Another run is already going on this project (%1, process %2 on %3). Wait for it to finish or cancel it first.</source>
        <translation>Auf diesem Projekt läuft bereits ein anderer Lauf (%1, Prozess %2 auf %3). Warten Sie, bis er fertig ist, oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>unbekanntes Programm</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <source>Unknown run state &quot;%1&quot;.</source>
        <translation>Unbekannter Laufzustand „%1“.</translation>
    </message>
    <message>
        <source>the process running it ended unexpectedly</source>
        <translation>der ausführende Prozess wurde unerwartet beendet</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>%1 was written by a newer version of SemiPrune Studio (project version %2, this application understands up to %3). Update the application to open it.</source>
        <translation>%1 wurde von einer neueren Version von SemiPrune Studio geschrieben (Projektversion %2, diese Anwendung versteht bis %3). Aktualisieren Sie die Anwendung, um es zu öffnen.</translation>
    </message>
</context>
<context>
    <name>ScoreText</name>
    <message>
        <source>AUM</source>
        <translation>AUM</translation>
    </message>
    <message>
        <source>low is hard</source>
        <translation>niedrig = schwer</translation>
    </message>
    <message>
        <source>Forgetting</source>
        <translation>Forgetting</translation>
    </message>
    <message>
        <source>high is hard</source>
        <translation>hoch = schwer</translation>
    </message>
    <message>
        <source>EL2N</source>
        <translation>EL2N</translation>
    </message>
    <message>
        <source>DUAL</source>
        <translation>DUAL</translation>
    </message>
    <message>
        <source>high is important</source>
        <translation>hoch = wichtig</translation>
    </message>
</context>
<context>
    <name>Scores</name>
    <message>
        <source>Cannot compute %1: the proxy run has no recorded epochs. Train the proxy for at least one epoch first.</source>
        <translation>%1 kann nicht berechnet werden: Der Proxy-Lauf hat keine aufgezeichneten Epochen. Trainieren Sie das Proxy-Modell zuerst mindestens eine Epoche lang.</translation>
    </message>
    <message>
        <source>Unknown score &quot;%1&quot;; the scores are: %2.</source>
        <translation>Unbekannter Wert „%1“; die Werte sind: %2.</translation>
    </message>
    <message>
        <source>The score of image %1 is %2, not a finite number; compute the scores again before selecting.</source>
        <translation>Der Wert von Bild %1 ist %2, keine endliche Zahl; berechnen Sie die Werte vor der Auswahl erneut.</translation>
    </message>
    <message>
        <source>EL2N over %1 epochs is impossible: the proxy run has %2 epochs; choose between 1 and %2.</source>
        <translation>EL2N über %1 Epochen ist unmöglich: Der Proxy-Lauf hat %2 Epochen; wählen Sie zwischen 1 und %2.</translation>
    </message>
    <message>
        <source>DUAL needs at least 2 epochs of training dynamics, the proxy run has %1; train the proxy longer.</source>
        <translation>DUAL braucht mindestens 2 Epochen Trainingsdynamik, der Proxy-Lauf hat %1; trainieren Sie das Proxy-Modell länger.</translation>
    </message>
    <message>
        <source>DUAL with window J = %1 and horizon T = %2 does not fit a run of E = %3 epochs: it needs 2 &lt;= J &lt;= T &lt;= E (a window of one epoch has no spread).</source>
        <translation>DUAL mit Fenster J = %1 und Horizont T = %2 passt nicht zu einem Lauf mit E = %3 Epochen: Nötig ist 2 &lt;= J &lt;= T &lt;= E (ein Fenster aus einer Epoche hat keine Streuung).</translation>
    </message>
    <message>
        <source>DUAL&apos;s mean confidence over T = %1 epochs is impossible: the proxy run has %2 epochs; choose T between 1 and %2.</source>
        <translation>Die mittlere Konfidenz von DUAL über T = %1 Epochen ist unmöglich: Der Proxy-Lauf hat %2 Epochen; wählen Sie T zwischen 1 und %2.</translation>
    </message>
</context>
<context>
    <name>ScoringJob</name>
    <message>
        <source>Run %1 recorded no training dynamics.</source>
        <translation>Lauf %1 hat keine Trainingsdynamik aufgezeichnet.</translation>
    </message>
    <message>
        <source>Scoring difficulty</source>
        <translation>Schwierigkeit wird bewertet</translation>
    </message>
</context>
<context>
    <name>SeedDraw</name>
    <message>
        <source>A class-balanced seed needs reference labels, and this project has none.</source>
        <translation>Ein klassenbalancierter Seed braucht Referenzlabels, und dieses Projekt hat keine.</translation>
    </message>
    <message>
        <source>A class-balanced seed of %1 needs %2 images of every class, but one class has only %3 unlabeled images left.</source>
        <translation>Ein klassenbalancierter Seed von %1 braucht %2 Bilder jeder Klasse, aber eine Klasse hat nur noch %3 ungelabelte Bilder.</translation>
    </message>
    <message>
        <source>A seed needs at least one image (asked for %1).</source>
        <translation>Ein Seed braucht mindestens ein Bild (verlangt: %1).</translation>
    </message>
    <message>
        <source>Asked for a seed of %1 images, but only %2 readable, unlabeled training images are left to draw from.</source>
        <translation>Ein Seed von %1 Bildern wurde verlangt, aber nur noch %2 lesbare, ungelabelte Trainingsbilder stehen zur Ziehung bereit.</translation>
    </message>
    <message>
        <source>Image %1 is not part of the seed.</source>
        <translation>Bild %1 gehört nicht zum Seed.</translation>
    </message>
</context>
<context>
    <name>Selection</name>
    <message>
        <source>The keep ratio r = %1 must lie strictly between 0 and 1: r = 1 keeps the whole pool and r = 0 keeps nothing.</source>
        <translation>Die Behaltequote r = %1 muss echt zwischen 0 und 1 liegen: r = 1 behält den ganzen Bestand und r = 0 nichts.</translation>
    </message>
    <message>
        <source>The hard-cutoff rate beta = %1 must satisfy 0 &lt;= beta &lt; 1 - r = %2 for the keep ratio r = %3: the images dropped as too hard and the images kept cannot together exceed the pool. Choose a beta below %2.</source>
        <translation>Die Abschneiderate beta = %1 muss für die Behaltequote r = %3 die Bedingung 0 &lt;= beta &lt; 1 - r = %2 erfüllen: Die als zu schwer verworfenen und die behaltenen Bilder können zusammen nicht mehr als den Bestand ausmachen. Wählen Sie ein beta unter %2.</translation>
    </message>
    <message>
        <source>Cannot select from %1 images.</source>
        <translation>Aus %1 Bildern kann nicht ausgewählt werden.</translation>
    </message>
    <message>
        <source>CCS needs at least one stratum, not %1.</source>
        <translation>CCS braucht mindestens ein Stratum, nicht %1.</translation>
    </message>
    <message>
        <source>DUAL-Beta&apos;s exponent c = %1 must be a positive number (the paper uses 3-4).</source>
        <translation>Der Exponent c = %1 von DUAL-Beta muss eine positive Zahl sein (die Veröffentlichung verwendet 3–4).</translation>
    </message>
    <message>
        <source>DUAL-Beta got %1 mean confidences for %2 DUAL scores; compute both from the same proxy run.</source>
        <translation>DUAL-Beta hat %1 mittlere Konfidenzen für %2 DUAL-Werte erhalten; berechnen Sie beide aus demselben Proxy-Lauf.</translation>
    </message>
    <message>
        <source>Image %1 has DUAL score %2 and mean confidence %3; DUAL must be a non-negative number and the confidence a number. Compute the scores again.</source>
        <translation>Bild %1 hat den DUAL-Wert %2 und die mittlere Konfidenz %3; DUAL muss eine nichtnegative Zahl sein und die Konfidenz eine Zahl. Berechnen Sie die Werte erneut.</translation>
    </message>
    <message>
        <source>DUAL-Beta needs at least one scored image.</source>
        <translation>DUAL-Beta braucht mindestens ein bewertetes Bild.</translation>
    </message>
    <message>
        <source>The class-aware cutoff got %1 class labels for %2 scored images; every image needs its (pseudo-)label.</source>
        <translation>Das klassenbewusste Abschneiden hat %1 Klassenlabels für %2 bewertete Bilder erhalten; jedes Bild braucht sein (Pseudo-)Label.</translation>
    </message>
    <message>
        <source>The list of images forced into the coreset has %1 entries for %2 images.</source>
        <translation>Die Liste der Bilder, die das Coreset behalten muss, hat %1 Einträge für %2 Bilder.</translation>
    </message>
    <message>
        <source>The diversity selector needs one feature row and one class per image (%1 images, %2 rows, %3 classes).</source>
        <translation>Das vielfältige Auswahlverfahren braucht je Bild eine Merkmalszeile und eine Klasse (%1 Bilder, %2 Zeilen, %3 Klassen).</translation>
    </message>
    <message>
        <source>The diversity selector needs at least one neighbour, non-negative weights and class floor, and a difficulty weight in [0, 1].</source>
        <translation>Das vielfältige Auswahlverfahren braucht mindestens einen Nachbarn, nicht negative Gewichte und Klassenuntergrenze und ein Schwierigkeitsgewicht in [0, 1].</translation>
    </message>
    <message>
        <source>A difficulty score is not a finite number.</source>
        <translation>Ein Schwierigkeitswert ist keine endliche Zahl.</translation>
    </message>
    <message>
        <source>Suggesting images to label needs one margin, one feature row and one label flag per image.</source>
        <translation>Vorschläge zum Labeln brauchen je Bild einen Abstand, eine Merkmalszeile und eine Label-Markierung.</translation>
    </message>
    <message>
        <source>Ask for at least one image to label.</source>
        <translation>Fragen Sie nach mindestens einem Bild zum Labeln.</translation>
    </message>
</context>
<context>
    <name>SelectionJob</name>
    <message>
        <source>The %1 scores are incomplete: run the pipeline again.</source>
        <translation>Die %1-Werte sind unvollständig: Führen Sie die Pipeline erneut aus.</translation>
    </message>
    <message>
        <source>Run %1 is not a finished scores run.</source>
        <translation>Lauf %1 ist kein abgeschlossener Bewertungslauf.</translation>
    </message>
    <message>
        <source>Selecting the coreset</source>
        <translation>Coreset wird ausgewählt</translation>
    </message>
    <message>
        <source>Run %1 stored no image features (it was made by an older version): run the pipeline again to use the diversity selector.</source>
        <translation>Lauf %1 hat keine Bildmerkmale gespeichert (er stammt von einer älteren Version): führen Sie die Pipeline erneut aus, um das vielfältige Auswahlverfahren zu nutzen.</translation>
    </message>
    <message>
        <source>%1 does not rank by one score with a cutoff.</source>
        <translation>%1 ordnet nicht nach einem Score mit Cutoff.</translation>
    </message>
</context>
<context>
    <name>SelectionPreview</name>
    <message>
        <source>The keep ratio must lie between 0 and 1 (it is %1).</source>
        <translation>Die Behaltequote muss zwischen 0 und 1 liegen (sie ist %1).</translation>
    </message>
    <message>
        <source>β = %1 is out of range: with keep ratio r = %2 it must be at least 0 and below 1 − r = %3, since the images dropped as too hard and the kept ones cannot be more than the whole pool. The default for this r is %4.</source>
        <translation>β = %1 liegt außerhalb des zulässigen Bereichs: Bei der Behaltequote r = %2 muss β mindestens 0 und kleiner als 1 − r = %3 sein, denn die als zu schwer verworfenen und die behaltenen Bilder können zusammen nicht mehr als den ganzen Bestand ausmachen. Die Vorgabe für dieses r ist %4.</translation>
    </message>
</context>
<context>
    <name>SelectionTuning</name>
    <message>
        <source>Tuning chooses the hard-cutoff rate beta: it works for the cutoff, the class-aware cutoff and CCS, not for %1.</source>
        <translation>Das Tuning wählt die Hard-Cutoff-Rate Beta: Es funktioniert für den Cutoff, den klassenbewussten Cutoff und CCS, nicht für %1.</translation>
    </message>
    <message>
        <source>Tuning holds out %1 % of each class&apos;s human labels and needs at least %2 of them per class, so at least %3 human labels per class; &quot;%4&quot; has %5. Label more images of it (Edit &gt; Label More Images) or tune later.</source>
        <translation>Das Tuning hält %1 % der menschlichen Labels jeder Klasse zurück und braucht davon mindestens %2 je Klasse, also mindestens %3 menschliche Labels je Klasse; „%4“ hat %5. Labeln Sie mehr Bilder davon (Bearbeiten &gt; Weitere Bilder labeln) oder tunen Sie später.</translation>
    </message>
    <message>
        <source>Tuning beta on your labels</source>
        <translation>Beta wird auf Ihren Labels getunt</translation>
    </message>
    <message>
        <source>beta %1 is best on your %2 held-out labels (%3 % right against %4 % for the default beta %5, more than the %6-point noise).</source>
        <translation>Beta %1 ist auf Ihren %2 zurückgehaltenen Labels am besten (%3 % richtig gegen %4 % für das Standard-Beta %5, mehr als das Rauschen von %6 Punkten).</translation>
    </message>
    <message>
        <source>The candidates cannot be told apart on your %1 held-out labels (best beta %2 leads the default by %3 points, the noise is %4): the method&apos;s default beta %5 stays.</source>
        <translation>Die Kandidaten sind auf Ihren %1 zurückgehaltenen Labels nicht zu unterscheiden (das beste Beta %2 liegt %3 Punkte vor dem Standard, das Rauschen beträgt %4): das Standard-Beta %5 der Methode bleibt.</translation>
    </message>
</context>
<context>
    <name>Similar</name>
    <message>
        <source>Ask for at least one similar image (asked for %1).</source>
        <translation>Fragen Sie nach mindestens einem ähnlichen Bild (verlangt: %1).</translation>
    </message>
    <message>
        <source>Give at least one image to find similar ones to.</source>
        <translation>Geben Sie mindestens ein Bild an, zu dem ähnliche gesucht werden.</translation>
    </message>
    <message>
        <source>%1 was not in the newest run (#%2): run the pipeline again to include it.</source>
        <translation>%1 war nicht im neuesten Lauf (#%2): Starten Sie die Pipeline erneut, um es einzubeziehen.</translation>
    </message>
    <message>
        <source>%1 cannot be read, so nothing can be compared with it.</source>
        <translation>%1 kann nicht gelesen werden, daher lässt sich nichts damit vergleichen.</translation>
    </message>
</context>
<context>
    <name>ThumbnailLoader</name>
    <message>
        <source>The file is missing: %1</source>
        <translation>Die Datei fehlt: %1</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Training on CUDA was asked for, but no CUDA device is available (or this build of LibTorch has no CUDA support). Choose the CPU or Auto.</source>
        <translation>Training mit CUDA wurde verlangt, aber kein CUDA-Gerät ist verfügbar (oder diese LibTorch-Version unterstützt CUDA nicht). Wählen Sie CPU oder Automatisch.</translation>
    </message>
    <message>
        <source>There are no images to train on.</source>
        <translation>Es gibt keine Bilder zum Trainieren.</translation>
    </message>
    <message>
        <source>Semi-supervised training needs labeled images: label a seed first.</source>
        <translation>Teilüberwachtes Training braucht gelabelte Bilder: Labeln Sie zuerst einen Seed.</translation>
    </message>
    <message>
        <source>%1 labels were given for %2 labeled images.</source>
        <translation>Für %2 gelabelte Bilder wurden %1 Labels angegeben.</translation>
    </message>
    <message>
        <source>Training needs at least two classes (got %1).</source>
        <translation>Das Training braucht mindestens zwei Klassen (erhalten: %1).</translation>
    </message>
    <message>
        <source>Labeled image %1 is not among the %2 images.</source>
        <translation>Das gelabelte Bild %1 ist nicht unter den %2 Bildern.</translation>
    </message>
    <message>
        <source>Label %1 is outside the %2 classes.</source>
        <translation>Label %1 liegt außerhalb der %2 Klassen.</translation>
    </message>
    <message>
        <source>All labeled images are of one class: label images of at least two classes.</source>
        <translation>Alle gelabelten Bilder gehören zu einer Klasse: Labeln Sie Bilder aus mindestens zwei Klassen.</translation>
    </message>
    <message>
        <source>The number of training steps must be positive (got %1).</source>
        <translation>Die Anzahl der Trainingsschritte muss positiv sein (erhalten: %1).</translation>
    </message>
    <message>
        <source>The batch size (%1) and mu (%2) must be positive.</source>
        <translation>Die Batchgröße (%1) und mu (%2) müssen positiv sein.</translation>
    </message>
    <message>
        <source>The confidence threshold must be in (0, 1] (got %1).</source>
        <translation>Die Konfidenzschwelle muss in (0, 1] liegen (erhalten: %1).</translation>
    </message>
    <message>
        <source>The EMA decay must be in [0, 1) (got %1).</source>
        <translation>Der EMA-Zerfall muss in [0, 1) liegen (erhalten: %1).</translation>
    </message>
    <message>
        <source>The learning rate must be positive (got %1).</source>
        <translation>Die Lernrate muss positiv sein (erhalten: %1).</translation>
    </message>
    <message>
        <source>Reference labels must be given for every image: %1 for %2 images.</source>
        <translation>Referenzlabels müssen für jedes Bild angegeben werden: %1 für %2 Bilder.</translation>
    </message>
    <message>
        <source>%1 was written by another version of SemiPrune: delete it to start over.</source>
        <translation>%1 wurde von einer anderen Version von SemiPrune geschrieben: Löschen Sie es, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>The checkpoint %1 belongs to another run (its %2 differs). Delete it to start over, or restore the settings it was made with.</source>
        <translation>Der Checkpoint %1 gehört zu einem anderen Lauf (sein Wert %2 weicht ab). Löschen Sie ihn, um neu zu beginnen, oder stellen Sie die Einstellungen wieder her, mit denen er erstellt wurde.</translation>
    </message>
    <message>
        <source>%1 is not a FixMatch checkpoint of SemiPrune, or it is damaged.</source>
        <translation>%1 ist kein FixMatch-Checkpoint von SemiPrune oder ist beschädigt.</translation>
    </message>
    <message>
        <source>The training image size %1x%2 is too small: use at least 8x8 pixels.</source>
        <translation>Die Trainingsbildgröße %1×%2 ist zu klein: Verwenden Sie mindestens 8×8 Pixel.</translation>
    </message>
    <message>
        <source>Images for training must be gray (1 channel) or colour (3 channels), not %1 channels.</source>
        <translation>Bilder für das Training müssen grau (1 Kanal) oder farbig (3 Kanäle) sein, nicht %1 Kanäle.</translation>
    </message>
    <message>
        <source>An empty image cannot be added for training.</source>
        <translation>Ein leeres Bild kann nicht zum Training hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Only 8- and 16-bit images can be used for training.</source>
        <translation>Nur 8- und 16-Bit-Bilder können für das Training verwendet werden.</translation>
    </message>
    <message>
        <source>Images with %1 channels cannot be used for training.</source>
        <translation>Bilder mit %1 Kanälen können nicht für das Training verwendet werden.</translation>
    </message>
    <message>
        <source>The saved tensor %1 does not fit this network.</source>
        <translation>Der gespeicherte Tensor %1 passt nicht zu diesem Netz.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a file saved by SemiPrune&apos;s training engine, or it is damaged.</source>
        <translation>%1 ist keine von der Trainings-Engine von SemiPrune gespeicherte Datei oder ist beschädigt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>A network needs gray (1) or colour (3) input channels, not %1.</source>
        <translation>Ein Netz braucht graue (1) oder farbige (3) Eingangskanäle, nicht %1.</translation>
    </message>
    <message>
        <source>Images of %1x%2 pixels are too small for the networks: use at least 8x8.</source>
        <translation>Bilder mit %1×%2 Pixeln sind zu klein für die Netze: Verwenden Sie mindestens 8×8.</translation>
    </message>
    <message>
        <source>The stored model</source>
        <translation>Das gespeicherte Modell</translation>
    </message>
    <message>
        <source>%1 was saved by another version of SemiPrune and cannot be read.</source>
        <translation>%1 wurde von einer anderen Version von SemiPrune gespeichert und kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a model saved by SemiPrune, or it is damaged.</source>
        <translation>%1 ist kein von SemiPrune gespeichertes Modell oder ist beschädigt.</translation>
    </message>
    <message>
        <source>The images (%1x%2, %3 channels) do not match the network (%4x%5, %6 channels).</source>
        <translation>Die Bilder (%1×%2, %3 Kanäle) passen nicht zum Netz (%4×%5, %6 Kanäle).</translation>
    </message>
    <message>
        <source>Evaluation needs one label per image: %1 labels for %2 images.</source>
        <translation>Die Bewertung braucht ein Label je Bild: %1 Labels für %2 Bilder.</translation>
    </message>
    <message>
        <source>%1 labels were given for %2 training images.</source>
        <translation>Für %2 Trainingsbilder wurden %1 Labels angegeben.</translation>
    </message>
    <message>
        <source>Training image %1 is not among the %2 images.</source>
        <translation>Trainingsbild %1 ist nicht unter den %2 Bildern.</translation>
    </message>
    <message>
        <source>Image %1 has no label in the %2 classes (label %3): every training image needs one.</source>
        <translation>Bild %1 hat kein Label unter den %2 Klassen (Label %3): Jedes Trainingsbild braucht eines.</translation>
    </message>
    <message>
        <source>All training images have the same label: training needs at least two classes.</source>
        <translation>Alle Trainingsbilder haben dasselbe Label: Das Training braucht mindestens zwei Klassen.</translation>
    </message>
    <message>
        <source>The number of epochs must be positive (got %1).</source>
        <translation>Die Anzahl der Epochen muss positiv sein (erhalten: %1).</translation>
    </message>
    <message>
        <source>The batch size must be positive (got %1).</source>
        <translation>Die Batchgröße muss positiv sein (erhalten: %1).</translation>
    </message>
    <message>
        <source>The learning rate must be positive and above its final value (got %1 and %2).</source>
        <translation>Die Lernrate muss positiv sein und über ihrem Endwert liegen (erhalten: %1 und %2).</translation>
    </message>
    <message>
        <source>Training stopped inside epoch %1; a checkpoint can only be made at the end of an epoch. Resume from the checkpoint of the last completed epoch.</source>
        <translation>Das Training endete innerhalb von Epoche %1; ein Checkpoint kann nur am Ende einer Epoche erstellt werden. Setzen Sie beim Checkpoint der letzten abgeschlossenen Epoche fort.</translation>
    </message>
    <message>
        <source>%1 is not a training checkpoint of SemiPrune, or it is damaged.</source>
        <translation>%1 ist kein Trainings-Checkpoint von SemiPrune oder ist beschädigt.</translation>
    </message>
    <message>
        <source>Cannot write the decoded-image file %1: %2</source>
        <translation>Die Datei für dekodierte Bilder %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot map the decoded-image file %1: %2</source>
        <translation>Die Datei für dekodierte Bilder %1 kann nicht in den Speicher eingeblendet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the decoded-image file %1 (is the disk full?): %2</source>
        <translation>Die Datei für dekodierte Bilder %1 kann nicht geschrieben werden (ist das Laufwerk voll?): %2</translation>
    </message>
    <message>
        <source>A model runs in a resolved precision, not &quot;auto&quot;.</source>
        <translation>Ein Modell rechnet in einer festgelegten Genauigkeit, nicht &quot;auto&quot;.</translation>
    </message>
    <message>
        <source>This processor has no native bfloat16 arithmetic (AVX512-BF16): bfloat16 would run several times slower than float32 here. Choose the precision float32, or auto.</source>
        <translation>Dieser Prozessor rechnet bfloat16 nicht nativ (AVX512-BF16): bfloat16 liefe hier um ein Mehrfaches langsamer als float32. Wählen Sie die Genauigkeit float32 oder auto.</translation>
    </message>
    <message>
        <source>The alignment momentum must be in [0, 1) (got %1).</source>
        <translation>Das Momentum der Angleichung muss in [0, 1) liegen (erhalten: %1).</translation>
    </message>
    <message>
        <source>The class shares to align to must be one positive number per class (%1 classes).</source>
        <translation>Die Klassenanteile für die Angleichung müssen eine positive Zahl je Klasse sein (%1 Klassen).</translation>
    </message>
</context>
<context>
    <name>TrainingSet</name>
    <message>
        <source>The image folder %1 is not there. If it moved, point the project to its new place.</source>
        <translation>Der Bildordner %1 ist nicht vorhanden. Falls er verschoben wurde, verweisen Sie das Projekt auf seinen neuen Ort.</translation>
    </message>
    <message>
        <source>The project has no readable training images.</source>
        <translation>Das Projekt hat keine lesbaren Trainingsbilder.</translation>
    </message>
    <message>
        <source>Decoding images</source>
        <translation>Bilder werden dekodiert</translation>
    </message>
    <message>
        <source>The training resolution must be between %1 and %2 pixels (asked for %3).</source>
        <translation>Die Trainingsauflösung muss zwischen %1 und %2 Pixeln liegen (verlangt: %3).</translation>
    </message>
    <message>
        <source>The image cannot be decoded.</source>
        <translation>Das Bild kann nicht dekodiert werden.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>choose one of --selection, --all-labeled and --all</source>
        <translation>wählen Sie eines von --selection, --all-labeled und --all</translation>
    </message>
    <message>
        <source>--selection takes the name of a selection (see &apos;semiprune runs&apos;)</source>
        <translation>--selection erwartet den Namen einer Auswahl (siehe &apos;semiprune runs&apos;)</translation>
    </message>
    <message>
        <source>--mode is copy, hardlink or symlink, not &quot;%1&quot;</source>
        <translation>--mode ist copy, hardlink oder symlink, nicht „%1“</translation>
    </message>
    <message>
        <source>--val-fraction takes a number above 0 and below 1, e.g. 0.2</source>
        <translation>--val-fraction erwartet eine Zahl größer als 0 und kleiner als 1, z. B. 0.2</translation>
    </message>
    <message>
        <source>--split-seed only applies with --val-fraction</source>
        <translation>--split-seed gilt nur zusammen mit --val-fraction</translation>
    </message>
    <message>
        <source>Exported %1 images (%2) to %3 in %4 s.</source>
        <translation>%1 Bilder (%2) in %4 s nach %3 exportiert.</translation>
    </message>
    <message>
        <source>Selection &quot;%1&quot; (%2, keep ratio %3).</source>
        <translation>Auswahl „%1“ (%2, Behaltequote %3).</translation>
    </message>
    <message>
        <source>  (train %1, val %2)</source>
        <translation>  (train %1, val %2)</translation>
    </message>
    <message>
        <source>  %1 pseudo-labeled</source>
        <translation>  %1 mit Pseudo-Label</translation>
    </message>
    <message>
        <source>  in folder &quot;%1&quot;</source>
        <translation>  im Ordner „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n files were renamed to keep same-named images apart (see manifest.csv).</source>
        <translation>
            <numerusform>%n Datei wurde umbenannt, um gleichnamige Bilder auseinanderzuhalten (siehe manifest.csv).</numerusform>
            <numerusform>%n Dateien wurden umbenannt, um gleichnamige Bilder auseinanderzuhalten (siehe manifest.csv).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n images without a label.</source>
        <translation>
            <numerusform>%n Bild ohne Label ausgelassen.</numerusform>
            <numerusform>%n Bilder ohne Label ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n images with only a pseudo-label.</source>
        <translation>
            <numerusform>%n Bild mit nur einem Pseudo-Label ausgelassen.</numerusform>
            <numerusform>%n Bilder mit nur einem Pseudo-Label ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped %1 unreadable images.</source>
        <translation>%1 unlesbare Bilder ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>%n images are gone from the image folder and were not exported:</source>
        <translation>
            <numerusform>%n Bild fehlt im Bildordner und wurde nicht exportiert:</numerusform>
            <numerusform>%n Bilder fehlen im Bildordner und wurden nicht exportiert:</numerusform>
        </translation>
    </message>
    <message>
        <source>  ... and %1 more (see summary.json).</source>
        <translation>  … und %1 weitere (siehe summary.json).</translation>
    </message>
    <message>
        <source>The earlier export there was replaced.</source>
        <translation>Der frühere Export dort wurde ersetzt.</translation>
    </message>
    <message>
        <source>The earlier export could not be removed completely: delete %1 by hand.</source>
        <translation>Der frühere Export konnte nicht vollständig entfernt werden: Löschen Sie %1 von Hand.</translation>
    </message>
    <message>
        <source>Export images with their labels as class folders, with a manifest and a split.</source>
        <translation>Bilder mit ihren Labels als Klassenordner exportieren, mit Manifest und Aufteilung.</translation>
    </message>
    <message>
        <source>Export the kept images of this selection (default: the newest).</source>
        <translation>Die behaltenen Bilder dieser Auswahl exportieren (Vorgabe: die neueste).</translation>
    </message>
    <message>
        <source>Export every image a person labeled.</source>
        <translation>Jedes von einer Person gelabelte Bild exportieren.</translation>
    </message>
    <message>
        <source>Export every image with a label, human or pseudo.</source>
        <translation>Jedes Bild mit Label exportieren, von Hand oder Pseudo-Label.</translation>
    </message>
    <message>
        <source>Leave out images with only a pseudo-label.</source>
        <translation>Bilder mit nur einem Pseudo-Label auslassen.</translation>
    </message>
    <message>
        <source>copy (default), hardlink (no space; same disk as the images) or symlink.</source>
        <translation>copy (Vorgabe), hardlink (kein Platzbedarf; selbes Laufwerk wie die Bilder) oder symlink.</translation>
    </message>
    <message>
        <source>Split each class into train/ and val/, this share going to val/.</source>
        <translation>Jede Klasse in train/ und val/ aufteilen; dieser Anteil geht nach val/.</translation>
    </message>
    <message>
        <source>Seed of the split (default 0).</source>
        <translation>Zufallsstartwert der Aufteilung (Vorgabe 0).</translation>
    </message>
    <message>
        <source>Replace an earlier export at OUT once the new one is complete.</source>
        <translation>Einen früheren Export in OUT ersetzen, sobald der neue vollständig ist.</translation>
    </message>
    <message>
        <source>the project file</source>
        <translation>die Projektdatei</translation>
    </message>
    <message>
        <source>the folder to export to</source>
        <translation>der Zielordner des Exports</translation>
    </message>
    <message>
        <source>semiprune export: cancelled; nothing was exported and %1 was left as it was.</source>
        <translation>semiprune export: abgebrochen; nichts wurde exportiert und %1 blieb unverändert.</translation>
    </message>
    <message>
        <source>give either --class-names or --preset, not both</source>
        <translation>geben Sie entweder --class-names oder --preset an, nicht beides</translation>
    </message>
    <message>
        <source>--class-names has an empty name</source>
        <translation>--class-names enthält einen leeren Namen</translation>
    </message>
    <message>
        <source>Convert MNIST-style IDX files to a PNG folder and create a project from it.</source>
        <translation>IDX-Dateien im MNIST-Stil in einen PNG-Ordner umwandeln und daraus ein Projekt anlegen.</translation>
    </message>
    <message>
        <source>The new folder to write the PNG images into.</source>
        <translation>Der neue Ordner, in den die PNG-Bilder geschrieben werden.</translation>
    </message>
    <message>
        <source>The training images (idx3, raw or .gz).</source>
        <translation>Die Trainingsbilder (idx3, roh oder .gz).</translation>
    </message>
    <message>
        <source>The training labels (idx1, raw or .gz).</source>
        <translation>Die Trainingslabels (idx1, roh oder .gz).</translation>
    </message>
    <message>
        <source>Test images, kept apart as the test split.</source>
        <translation>Testbilder, getrennt gehalten als Test-Aufteilung.</translation>
    </message>
    <message>
        <source>Test labels.</source>
        <translation>Testlabels.</translation>
    </message>
    <message>
        <source>Class names in label order, comma separated.</source>
        <translation>Klassennamen in Label-Reihenfolge, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Known class names: fashion-mnist or mnist.</source>
        <translation>Bekannte Klassennamen: fashion-mnist oder mnist.</translation>
    </message>
    <message>
        <source>the project file to create</source>
        <translation>die anzulegende Projektdatei</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>--%1 ist erforderlich</translation>
    </message>
    <message>
        <source>--test-images and --test-labels go together</source>
        <translation>--test-images und --test-labels gehören zusammen</translation>
    </message>
    <message>
        <source>a test split needs --labels for the training images too</source>
        <translation>eine Test-Aufteilung braucht auch --labels für die Trainingsbilder</translation>
    </message>
    <message>
        <source>with labels, choose --label-mode known or hidden</source>
        <translation>mit Labels wählen Sie --label-mode known oder hidden</translation>
    </message>
    <message>
        <source>%1 already exists: choose another project file name.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Namen für die Projektdatei.</translation>
    </message>
    <message>
        <source>Wrote %1 PNG images to %2 in %3 s (classes: %4).</source>
        <translation>%1 PNG-Bilder in %3 s nach %2 geschrieben (Klassen: %4).</translation>
    </message>
    <message>
        <source>Make (once) and show the Fashion-MNIST demo project, labels hidden.</source>
        <translation>Das Fashion-MNIST-Demoprojekt (einmalig) anlegen und anzeigen, Labels verborgen.</translation>
    </message>
    <message>
        <source>Where the demo lives (default: %1).</source>
        <translation>Wo die Demo liegt (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>Create classes that do not exist yet.</source>
        <translation>Klassen anlegen, die es noch nicht gibt.</translation>
    </message>
    <message>
        <source>List the classes, or add, rename, remove one or set its hotkey.</source>
        <translation>Die Klassen auflisten oder eine hinzufügen, umbenennen, entfernen oder ihr Tastenkürzel festlegen.</translation>
    </message>
    <message>
        <source>Add a class (repeatable).</source>
        <translation>Eine Klasse hinzufügen (wiederholbar).</translation>
    </message>
    <message>
        <source>Rename a class: old=new.</source>
        <translation>Eine Klasse umbenennen: alt=neu.</translation>
    </message>
    <message>
        <source>Remove a class no image is labeled with.</source>
        <translation>Eine Klasse entfernen, mit der kein Bild gelabelt ist.</translation>
    </message>
    <message>
        <source>Set a class&apos;s hotkey: name=key (empty key clears).</source>
        <translation>Das Tastenkürzel einer Klasse festlegen: Name=Taste (leere Taste entfernt es).</translation>
    </message>
    <message>
        <source>There is no class &quot;%1&quot;.</source>
        <translation>Es gibt keine Klasse „%1“.</translation>
    </message>
    <message>
        <source>--%1 takes the form name=value</source>
        <translation>--%1 erwartet die Form Name=Wert</translation>
    </message>
    <message>
        <source>No classes yet: add one with --add NAME, or label with --create-classes.</source>
        <translation>Noch keine Klassen: Fügen Sie eine mit --add NAME hinzu oder labeln Sie mit --create-classes.</translation>
    </message>
    <message>
        <source>Label an image with a class, or apply a CSV of path,class rows.</source>
        <translation>Ein Bild mit einer Klasse labeln oder eine CSV-Datei mit Zeilen path,class anwenden.</translation>
    </message>
    <message>
        <source>Rows of path,class; an empty class clears the label. All or nothing.</source>
        <translation>Zeilen path,class; eine leere Klasse entfernt das Label. Alles oder nichts.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Labeled %1 images, cleared %2, created %3 classes.</source>
        <translation>%1 Bilder gelabelt, %2 Labels entfernt, %3 Klassen angelegt.</translation>
    </message>
    <message>
        <source>the image (path or #id)</source>
        <translation>das Bild (Pfad oder #id)</translation>
    </message>
    <message>
        <source>the class</source>
        <translation>die Klasse</translation>
    </message>
    <message>
        <source>%1 is now labeled %2 (%3).</source>
        <translation>%1 hat jetzt das Label %2 (%3).</translation>
    </message>
    <message>
        <source>Clear the human label of one or more images.</source>
        <translation>Das von Hand vergebene Label eines oder mehrerer Bilder entfernen.</translation>
    </message>
    <message numerus="yes">
        <source>Cleared the labels of %n images.</source>
        <translation>
            <numerusform>Das Label von %n Bild entfernt.</numerusform>
            <numerusform>Die Labels von %n Bildern entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw random images to label (--count), or list the seed.</source>
        <translation>Zufällige Bilder zum Labeln ziehen (--count) oder den Seed auflisten.</translation>
    </message>
    <message>
        <source>Draw this many more images.</source>
        <translation>So viele weitere Bilder ziehen.</translation>
    </message>
    <message>
        <source>Random seed, for a reproducible draw.</source>
        <translation>Zufallsstartwert, für eine wiederholbare Ziehung.</translation>
    </message>
    <message>
        <source>Draw equally from every hidden reference class (benchmarks).</source>
        <translation>Gleichmäßig aus jeder verborgenen Referenzklasse ziehen (Benchmarks).</translation>
    </message>
    <message>
        <source>List only the seed images still to label.</source>
        <translation>Nur die noch zu labelnden Seed-Bilder auflisten.</translation>
    </message>
    <message numerus="yes">
        <source>Drew %n images to label.</source>
        <translation>
            <numerusform>%n Bild zum Labeln gezogen.</numerusform>
            <numerusform>%n Bilder zum Labeln gezogen.</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>labeled</source>
        <translation>gelabelt</translation>
    </message>
    <message>
        <source>to label</source>
        <translation>zu labeln</translation>
    </message>
    <message>
        <source>Skip a seed image you cannot classify; a new one is drawn in its place.</source>
        <translation>Ein Seed-Bild überspringen, das Sie nicht zuordnen können; an seiner Stelle wird ein neues gezogen.</translation>
    </message>
    <message>
        <source>Random seed for the replacement.</source>
        <translation>Zufallsstartwert für den Ersatz.</translation>
    </message>
    <message>
        <source>Skipped %1; drew %2 in its place.</source>
        <translation>%1 übersprungen; an seiner Stelle %2 gezogen.</translation>
    </message>
    <message>
        <source>Skipped %1; no unlabeled image is left to draw.</source>
        <translation>%1 übersprungen; kein ungelabeltes Bild ist mehr zu ziehen.</translation>
    </message>
    <message>
        <source>The score to rank by: aum (default), forgetting, el2n, dual.</source>
        <translation>Der Wert für die Rangfolge: aum (Vorgabe), forgetting, el2n, dual.</translation>
    </message>
    <message>
        <source>Keep ratio r in (0, 1) (default %1).</source>
        <translation>Behaltequote r in (0, 1) (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Hard-cutoff rate, 0 &lt;= beta &lt; 1 - r (default: the method&apos;s value for r).</source>
        <translation>Abschneiderate, 0 &lt;= beta &lt; 1 - r (Vorgabe: der Wert des Verfahrens für r).</translation>
    </message>
    <message>
        <source>Always keep the images labeled by hand (the seed).</source>
        <translation>Die von Hand gelabelten Bilder (den Seed) immer behalten.</translation>
    </message>
    <message>
        <source>Name of the stored selection (default: method and ratio).</source>
        <translation>Name der gespeicherten Auswahl (Vorgabe: Verfahren und Quote).</translation>
    </message>
    <message>
        <source>Random seed (default %1).</source>
        <translation>Zufallsstartwert (Vorgabe %1).</translation>
    </message>
    <message>
        <source>FixMatch steps K (default %1).</source>
        <translation>FixMatch-Schritte K (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Labeled images per FixMatch step B (default %1).</source>
        <translation>Gelabelte Bilder je FixMatch-Schritt B (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Unlabeled images per labeled one (default %1).</source>
        <translation>Ungelabelte Bilder je gelabeltem (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Pseudo-label confidence threshold tau (default %1).</source>
        <translation>Konfidenzschwelle tau für Pseudo-Labels (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Proxy training epochs E (default %1).</source>
        <translation>Epochen des Proxy-Trainings E (Vorgabe %1).</translation>
    </message>
    <message>
        <source>CPU threads (default: all cores).</source>
        <translation>CPU-Threads (Vorgabe: alle Kerne).</translation>
    </message>
    <message>
        <source>auto (default: CUDA when there is one), cpu or cuda.</source>
        <translation>auto (Vorgabe: CUDA, wenn vorhanden), cpu oder cuda.</translation>
    </message>
    <message>
        <source>Never flip images horizontally (for classes a flip changes).</source>
        <translation>Bilder nie horizontal spiegeln (für Klassen, die eine Spiegelung verändert).</translation>
    </message>
    <message>
        <source>--%1 takes a whole number</source>
        <translation>--%1 erwartet eine ganze Zahl</translation>
    </message>
    <message>
        <source>--%1 takes a number</source>
        <translation>--%1 erwartet eine Zahl</translation>
    </message>
    <message>
        <source>beta must satisfy 0 &lt;= beta &lt; 1 - keep ratio (asked for %1).</source>
        <translation>beta muss 0 &lt;= beta &lt; 1 - Behaltequote erfüllen (verlangt: %1).</translation>
    </message>
    <message>
        <source>Reused finished runs: %1%2</source>
        <translation>Abgeschlossene Läufe wiederverwendet: %1%2</translation>
    </message>
    <message>
        <source>FixMatch </source>
        <translation>FixMatch </translation>
    </message>
    <message>
        <source>training dynamics</source>
        <translation>Trainingsdynamik</translation>
    </message>
    <message>
        <source>Resumed an interrupted run from its last checkpoint.</source>
        <translation>Einen unterbrochenen Lauf ab seinem letzten Checkpoint fortgesetzt.</translation>
    </message>
    <message>
        <source>Pseudo-label accuracy against the hidden reference labels: %1 %</source>
        <translation>Genauigkeit der Pseudo-Labels gegenüber den verborgenen Referenzlabels: %1 %</translation>
    </message>
    <message>
        <source>Selection &quot;%1&quot;: keeps %2 of %3 images.</source>
        <translation>Auswahl „%1“: behält %2 von %3 Bildern.</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>Fertig in %1 s.</translation>
    </message>
    <message>
        <source>Select a coreset from the newest difficulty scores (fast; no training).</source>
        <translation>Ein Coreset anhand der neuesten Schwierigkeitswerte auswählen (schnell; ohne Training).</translation>
    </message>
    <message>
        <source>List the runs and selections recorded in a project.</source>
        <translation>Die in einem Projekt aufgezeichneten Läufe und Auswahlen auflisten.</translation>
    </message>
    <message>
        <source>selection %1: %2, keep %3, kept %4 of %5</source>
        <translation>Auswahl %1: %2, Quote %3, %4 von %5 behalten</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe.</translation>
    </message>
    <message>
        <source>Run every stage: FixMatch, pseudo-labels, dynamics, scores, selection.</source>
        <translation>Alle Stufen ausführen: FixMatch, Pseudo-Labels, Dynamik, Werte, Auswahl.</translation>
    </message>
    <message>
        <source>Train the semi-supervised model (FixMatch) on the seed and unlabeled images.</source>
        <translation>Das teilüberwachte Modell (FixMatch) auf dem Seed und den ungelabelten Bildern trainieren.</translation>
    </message>
    <message>
        <source>Pseudo-label every image (runs FixMatch first if needed).</source>
        <translation>Jedem Bild ein Pseudo-Label geben (führt bei Bedarf zuerst FixMatch aus).</translation>
    </message>
    <message>
        <source>Train the proxy model on the (pseudo-)labels, recording training dynamics.</source>
        <translation>Das Proxy-Modell auf den (Pseudo-)Labels trainieren und dabei die Trainingsdynamik aufzeichnen.</translation>
    </message>
    <message>
        <source>Score every image&apos;s difficulty (AUM, forgetting, EL2N, DUAL).</source>
        <translation>Die Schwierigkeit jedes Bildes bewerten (AUM, Forgetting, EL2N, DUAL).</translation>
    </message>
    <message>
        <source>Usage: semiprune &lt;command&gt; [options]

SemiPrune Studio on the command line: curate an image data set from a small labeled seed.

Commands:</source>
        <translation>Aufruf: semiprune &lt;Befehl&gt; [Optionen]

SemiPrune Studio auf der Kommandozeile: einen Bilddatensatz aus einem kleinen gelabelten Seed kuratieren.

Befehle:</translation>
    </message>
    <message>
        <source>
Run &apos;semiprune &lt;command&gt; --help&apos; for the options of a command.</source>
        <translation>
&apos;semiprune &lt;Befehl&gt; --help&apos; zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>The language follows the system locale (LANGUAGE, LC_ALL, LANG); SEMIPRUNE_LANGUAGE=de or =en overrides it.</source>
        <translation>Die Sprache folgt der Systemeinstellung (LANGUAGE, LC_ALL, LANG); SEMIPRUNE_LANGUAGE=de oder =en legt sie fest.</translation>
    </message>
    <message>
        <source>semiprune: unknown command &quot;%1&quot; (see &apos;semiprune --help&apos;)</source>
        <translation>semiprune: unbekannter Befehl „%1“ (siehe &apos;semiprune --help&apos;)</translation>
    </message>
    <message>
        <source>semiprune %1: %2 (see &apos;semiprune %1 --help&apos;)</source>
        <translation>semiprune %1: %2 (siehe &apos;semiprune %1 --help&apos;)</translation>
    </message>
    <message>
        <source>Usage: semiprune %1 [options] %2</source>
        <translation>Aufruf: semiprune %1 [Optionen] %2</translation>
    </message>
    <message>
        <source>semiprune %1: error: %2</source>
        <translation>semiprune %1: Fehler: %2</translation>
    </message>
    <message>
        <source>semiprune %1: cancelled; the work finished so far is kept.</source>
        <translation>semiprune %1: abgebrochen; die bisher erledigte Arbeit bleibt erhalten.</translation>
    </message>
    <message>
        <source>semiprune %1: internal error: %2</source>
        <translation>semiprune %1: interner Fehler: %2</translation>
    </message>
    <message>
        <source>--label-mode is known or hidden, not &quot;%1&quot;</source>
        <translation>--label-mode ist known oder hidden, nicht „%1“</translation>
    </message>
    <message>
        <source>Decode every image fully to find corrupt data now (slower).</source>
        <translation>Jedes Bild vollständig dekodieren, um beschädigte Daten gleich zu finden (langsamer).</translation>
    </message>
    <message>
        <source>Create a project from an image folder and import its images.</source>
        <translation>Ein Projekt aus einem Bildordner anlegen und seine Bilder importieren.</translation>
    </message>
    <message>
        <source>the image folder</source>
        <translation>der Bildordner</translation>
    </message>
    <message>
        <source>Pick up images added, removed or changed in the project&apos;s folder.</source>
        <translation>Im Ordner des Projekts hinzugefügte, entfernte oder geänderte Bilder übernehmen.</translation>
    </message>
    <message>
        <source>Show counts of images, classes, labels and the seed.</source>
        <translation>Anzahl der Bilder, Klassen, Labels und des Seeds anzeigen.</translation>
    </message>
    <message>
        <source>List the unreadable and missing images with the reason.</source>
        <translation>Die unlesbaren und fehlenden Bilder mit Grund auflisten.</translation>
    </message>
    <message>
        <source>Point a project to its image folder&apos;s new place.</source>
        <translation>Ein Projekt auf den neuen Ort seines Bildordners verweisen.</translation>
    </message>
    <message>
        <source>Images are now read from %1. Run &apos;semiprune rescan&apos; to check them.</source>
        <translation>Bilder werden jetzt aus %1 gelesen. &apos;semiprune rescan&apos; prüft sie.</translation>
    </message>
    <message>
        <source>Print the result as JSON on standard output.</source>
        <translation>Das Ergebnis als JSON auf der Standardausgabe ausgeben.</translation>
    </message>
    <message>
        <source>How class sub-folders are used: &apos;known&apos; (they are the labels) or &apos;hidden&apos; (reference labels for evaluation only; you label a seed).</source>
        <translation>Wie Klassen-Unterordner verwendet werden: &apos;known&apos; (sie sind die Labels) oder &apos;hidden&apos; (Referenzlabels nur zur Bewertung; Sie labeln einen Seed).</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>Scanned %1 image files in %2 s: %3 added, %4 changed, %5 missing, %6 back again.</source>
        <translation>%1 Bilddateien in %2 s durchsucht: %3 hinzugekommen, %4 geändert, %5 fehlend, %6 wieder da.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n labels from class folders.</source>
        <translation>
            <numerusform>%n Label aus Klassenordnern importiert.</numerusform>
            <numerusform>%n Labels aus Klassenordnern importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 unreadable, %2 with warnings:</source>
        <translation>%1 unlesbar, %2 mit Warnungen:</translation>
    </message>
    <message>
        <source>  ... and %1 more (see &apos;semiprune info --unreadable&apos;).</source>
        <translation>  … und %1 weitere (siehe &apos;semiprune info --unreadable&apos;).</translation>
    </message>
    <message>
        <source>Project:      %1</source>
        <translation>Projekt:      %1</translation>
    </message>
    <message>
        <source>Images from:  %1%2</source>
        <translation>Bilder aus:   %1%2</translation>
    </message>
    <message>
        <source>  (NOT FOUND: use &apos;semiprune relocate&apos;)</source>
        <translation>  (NICHT GEFUNDEN: &apos;semiprune relocate&apos; verwenden)</translation>
    </message>
    <message>
        <source>Images:       %1 (train %2, val %3, test %4)</source>
        <translation>Bilder:       %1 (train %2, val %3, test %4)</translation>
    </message>
    <message>
        <source>Unreadable:   %1    missing: %2</source>
        <translation>Unlesbar:     %1    fehlend: %2</translation>
    </message>
    <message>
        <source>Labeled:      %1 by hand or import</source>
        <translation>Gelabelt:     %1 von Hand oder importiert</translation>
    </message>
    <message>
        <source>Seed:         %1 drawn, %2 labeled, %3 skipped</source>
        <translation>Seed:         %1 gezogen, %2 gelabelt, %3 übersprungen</translation>
    </message>
    <message>
        <source>Label mode:   %1%2</source>
        <translation>Label-Modus:  %1%2</translation>
    </message>
    <message>
        <source> (%1 images carry hidden reference labels)</source>
        <translation> (%1 Bilder tragen verborgene Referenzlabels)</translation>
    </message>
    <message>
        <source>Classes:      %1</source>
        <translation>Klassen:      %1</translation>
    </message>
    <message>
        <source>auto (default: small CNN up to 32 px, ResNet-18 above), small-cnn or resnet-18.</source>
        <translation>auto (Vorgabe: kleines CNN bis 32 px, darüber ResNet-18), small-cnn oder resnet-18.</translation>
    </message>
    <message>
        <source>MiB of memory for decoded images; beyond it they are paged from a file (default: a quarter of the machine&apos;s memory).</source>
        <translation>MiB Speicher für dekodierte Bilder; darüber hinaus werden sie aus einer Datei nachgeladen (Vorgabe: ein Viertel des Arbeitsspeichers).</translation>
    </message>
    <message>
        <source>Show or change the project&apos;s training settings.</source>
        <translation>Die Trainingseinstellungen des Projekts anzeigen oder ändern.</translation>
    </message>
    <message>
        <source>Square size images are trained at, 8-512 px, or &quot;auto&quot;: native for small images of one size (IDX data), 32 px otherwise.</source>
        <translation>Quadratische Größe, in der die Bilder trainiert werden, 8–512 px, oder „auto“: die native Größe bei kleinen Bildern einer einzigen Größe (IDX-Daten), sonst 32 px.</translation>
    </message>
    <message>
        <source>--training-resolution takes a number of pixels or &quot;auto&quot;, not &quot;%1&quot;</source>
        <translation>--training-resolution erwartet eine Pixelzahl oder „auto“, nicht „%1“</translation>
    </message>
    <message>
        <source>Training resolution: %1</source>
        <translation>Trainingsauflösung: %1</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>Images are trained at %1 x %2 px, %3; the automatic model is %4.</source>
        <translation>Die Bilder werden mit %1 × %2 px trainiert, %3; das automatische Modell ist %4.</translation>
    </message>
    <message>
        <source>gray</source>
        <translation>grau</translation>
    </message>
    <message>
        <source>color</source>
        <translation>farbig</translation>
    </message>
    <message>
        <source>Record larger images as unreadable, before any pixel is decoded (default %1).</source>
        <translation>Größere Bilder als unlesbar erfassen, bevor ein Pixel dekodiert wird (Standard %1).</translation>
    </message>
    <message>
        <source>--max-megapixels takes a positive number</source>
        <translation>--max-megapixels erwartet eine positive Zahl</translation>
    </message>
    <message>
        <source>--pruning-rates takes numbers separated by commas, such as 0.3,0.5,0.7,0.9</source>
        <translation>--pruning-rates erwartet durch Kommas getrennte Zahlen, etwa 0.3,0.5,0.7,0.9</translation>
    </message>
    <message>
        <source>Measure the method against random pruning on a labeled data set (train and test splits).</source>
        <translation>Die Methode an einem gelabelten Datensatz (Trainings- und Testteil) mit zufälligem Ausdünnen vergleichen.</translation>
    </message>
    <message>
        <source>Training images: an ImageFolder tree (one sub-folder per class).</source>
        <translation>Trainingsbilder: ein ImageFolder-Baum (ein Unterordner je Klasse).</translation>
    </message>
    <message>
        <source>Test images: an ImageFolder tree with the same classes.</source>
        <translation>Testbilder: ein ImageFolder-Baum mit denselben Klassen.</translation>
    </message>
    <message>
        <source>Training images as an IDX file (idx3, raw or .gz).</source>
        <translation>Trainingsbilder als IDX-Datei (idx3, roh oder .gz).</translation>
    </message>
    <message>
        <source>Training labels as an IDX file (idx1).</source>
        <translation>Trainingslabels als IDX-Datei (idx1).</translation>
    </message>
    <message>
        <source>Test images as an IDX file.</source>
        <translation>Testbilder als IDX-Datei.</translation>
    </message>
    <message>
        <source>Test labels as an IDX file.</source>
        <translation>Testlabels als IDX-Datei.</translation>
    </message>
    <message>
        <source>quick (one seed, a %1-image pool, short schedules) or full (the protocol; default).</source>
        <translation>quick (ein Seed, ein Pool aus %1 Bildern, kurze Läufe) oder full (das Protokoll; Vorgabe).</translation>
    </message>
    <message>
        <source>Training images to prune, drawn at random (0: all; full: %1, quick: %2).</source>
        <translation>Auszudünnende Trainingsbilder, zufällig gezogen (0: alle; full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>Seed budget b, class-balanced (full: %1, quick: %2).</source>
        <translation>Seed-Budget b, klassenbalanciert (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>Labeled validation images to choose beta on (full: %1, quick: %2).</source>
        <translation>Gelabelte Validierungsbilder für die Wahl von Beta (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>Pruning rates in (0, 1), comma separated (default 0.3,0.5,0.7,0.9).</source>
        <translation>Ausdünnungsraten in (0, 1), durch Kommas getrennt (Vorgabe 0.3,0.5,0.7,0.9).</translation>
    </message>
    <message>
        <source>Add the 80 % pruning rate.</source>
        <translation>Die Ausdünnungsrate 80 % hinzufügen.</translation>
    </message>
    <message>
        <source>Repetitions with different seeds (full: %1, quick: %2).</source>
        <translation>Wiederholungen mit verschiedenen Seeds (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>The first seed (default %1).</source>
        <translation>Der erste Seed (Vorgabe %1).</translation>
    </message>
    <message>
        <source>FixMatch steps K (full: %1, quick: %2).</source>
        <translation>FixMatch-Schritte K (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>Proxy training epochs (full: %1, quick: %2).</source>
        <translation>Epochen des Proxy-Trainings (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>Epochs of every coreset model (full: %1, quick: %2).</source>
        <translation>Epochen jedes Coreset-Modells (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>Beta candidates on either side of the method&apos;s value, in steps of 0.1 (full: %1, quick: %2).</source>
        <translation>Beta-Kandidaten beiderseits des Werts der Methode, in Schritten von 0.1 (full: %1, quick: %2).</translation>
    </message>
    <message>
        <source>the output folder</source>
        <translation>der Ausgabeordner</translation>
    </message>
    <message>
        <source>give the data as --train and --test folders or as --train-images, --train-labels, --test-images and --test-labels</source>
        <translation>geben Sie die Daten als Ordner mit --train und --test an oder mit --train-images, --train-labels, --test-images und --test-labels</translation>
    </message>
    <message>
        <source>Written: %1, %2, %3 and %4; the run is stored in %5.</source>
        <translation>Geschrieben: %1, %2, %3 und %4; der Lauf ist in %5 gespeichert.</translation>
    </message>
    <message>
        <source>Continue the benchmark stopped in OUTPUT (same data and options): finished steps are kept.</source>
        <translation>Den in OUTPUT angehaltenen Benchmark fortsetzen (gleiche Daten und Optionen): abgeschlossene Schritte bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n image files vanished while the import ran (new ones were not added, known ones are marked missing):</source>
        <translation>
            <numerusform>%n Bilddatei ist während des Imports verschwunden (neue wurden nicht aufgenommen, bekannte sind als fehlend markiert):</numerusform>
            <numerusform>%n Bilddateien sind während des Imports verschwunden (neue wurden nicht aufgenommen, bekannte sind als fehlend markiert):</numerusform>
        </translation>
    </message>
    <message>
        <source>read-only: it can be read, commands that change it are refused</source>
        <translation>schreibgeschützt: Es kann gelesen werden, Befehle, die es ändern, werden abgelehnt</translation>
    </message>
    <message>
        <source>--%1 only applies with --count</source>
        <translation>--%1 gilt nur zusammen mit --count</translation>
    </message>
    <message>
        <source>--%1 takes a non-negative integer</source>
        <translation>--%1 erwartet eine nicht negative ganze Zahl</translation>
    </message>
    <message>
        <source>Also measure the class-aware cutoff under pseudo-label and true-label dynamics, each with its own beta search (may be added when resuming).</source>
        <translation>Auch das klassenbewusste Abschneiden messen, mit der Dynamik aus Pseudo-Labels und aus wahren Labels, jeweils mit eigener Beta-Suche (kann beim Fortsetzen hinzukommen).</translation>
    </message>
    <message>
        <source>Selectors measured beside random, comma separated, each with its own parameter chosen on validation: cutoff (always), ccs, dual-beta, diverse (default: all four).</source>
        <translation>Neben random gemessene Auswahlverfahren, durch Kommas getrennt, jedes mit eigenem auf der Validierung gewähltem Parameter: cutoff (immer), ccs, dual-beta, diverse (Standard: alle vier).</translation>
    </message>
    <message>
        <source>cutoff (default), class-cutoff, ccs, dual-beta, diverse or random.</source>
        <translation>cutoff (Standard), class-cutoff, ccs, dual-beta, diverse oder random.</translation>
    </message>
    <message>
        <source>Warning: the selection keeps no image of %1; a model trained on it cannot learn %2. Keep more images, lower beta or choose the diverse selector, which keeps every class.</source>
        <translation>Warnung: Die Auswahl behält kein Bild von %1; ein darauf trainiertes Modell kann %2 nicht lernen. Behalten Sie mehr Bilder, senken Sie Beta oder wählen Sie das vielfältige Auswahlverfahren, das jede Klasse behält.</translation>
    </message>
    <message>
        <source>that class</source>
        <translation>diese Klasse</translation>
    </message>
    <message>
        <source>those classes</source>
        <translation>diese Klassen</translation>
    </message>
    <message>
        <source>After a run: which images to label next (uncertain, spread over the data).</source>
        <translation>Nach einem Lauf: welche Bilder als Nächstes zu labeln sind (unsicher, über die Daten verteilt).</translation>
    </message>
    <message>
        <source>How many images to suggest (default 20).</source>
        <translation>Wie viele Bilder vorgeschlagen werden (Standard 20).</translation>
    </message>
    <message>
        <source>auto (default: bfloat16 on a CPU with AVX512-BF16, else float32), float32 or bfloat16.</source>
        <translation>auto (Standard: bfloat16 auf einer CPU mit AVX512-BF16, sonst float32), float32 oder bfloat16.</translation>
    </message>
    <message>
        <source>Warning: the export holds no image of %1, though the project has images of it: the selection dropped it. Keep more images, or use the class-aware cutoff.</source>
        <translation>Warnung: Der Export enthält kein Bild von %1, obwohl das Projekt Bilder davon hat: Die Auswahl hat die Klasse verworfen. Behalten Sie mehr Bilder oder nutzen Sie den klassenbewussten Schnitt.</translation>
    </message>
    <message>
        <source>Choose beta on your own labels first: hold out %1 % of each class&apos;s human labels, train short models on every candidate&apos;s coreset, keep the best where it beats the default by more than the noise.</source>
        <translation>Beta zuerst auf Ihren eigenen Labels wählen: %1 % der menschlichen Labels jeder Klasse zurückhalten, kurze Modelle auf dem Coreset jedes Kandidaten trainieren, den besten nehmen, wo er den Standard um mehr als das Rauschen schlägt.</translation>
    </message>
    <message>
        <source>Epochs of each tuning model (default %1).</source>
        <translation>Epochen jedes Tuning-Modells (Standard %1).</translation>
    </message>
    <message>
        <source>--tune chooses beta: leave out --beta.</source>
        <translation>--tune wählt Beta: lassen Sie --beta weg.</translation>
    </message>
    <message>
        <source>--tune-epochs must be at least 1.</source>
        <translation>--tune-epochs muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Tuning on %1 held-out human labels (%2 pool images):</source>
        <translation>Tuning auf %1 zurückgehaltenen menschlichen Labels (%2 Pool-Bilder):</translation>
    </message>
    <message>
        <source>  beta %1: %2 % right, %3 images kept%4</source>
        <translation>  Beta %1: %2 % richtig, %3 Bilder behalten%4</translation>
    </message>
    <message>
        <source>  &lt;- chosen</source>
        <translation>  &lt;- gewählt</translation>
    </message>
    <message numerus="yes">
        <source>  ... and %n more (--limit shows more)</source>
        <translation>
            <numerusform>  ... und %n weitere (--limit zeigt mehr)</numerusform>
            <numerusform>  ... und %n weitere (--limit zeigt mehr)</numerusform>
        </translation>
    </message>
    <message>
        <source>Find exact and near copies of images, and held-out images leaking into train.</source>
        <translation>Exakte und Beinahe-Kopien von Bildern finden, und zurückgehaltene Bilder, die ins Training durchsickern.</translation>
    </message>
    <message>
        <source>How far apart two near copies&apos; 8 x 8 thumbnails may be, brightness and contrast taken out: 0 (the same picture) to %1 (default %2).</source>
        <translation>Wie weit die 8 x 8-Miniaturen zweier Beinahe-Kopien auseinander liegen dürfen, ohne Helligkeit und Kontrast: 0 (dasselbe Bild) bis %1 (Standard %2).</translation>
    </message>
    <message>
        <source>Groups and leaks listed in the text output (default 20).</source>
        <translation>In der Textausgabe aufgeführte Gruppen und Lecks (Standard 20).</translation>
    </message>
    <message>
        <source>--max-distance takes a distance from 0 to %1</source>
        <translation>--max-distance nimmt einen Abstand von 0 bis %1</translation>
    </message>
    <message>
        <source>--limit cannot be negative</source>
        <translation>--limit darf nicht negativ sein</translation>
    </message>
    <message>
        <source>  not decodable: %1: %2</source>
        <translation>  nicht dekodierbar: %1: %2</translation>
    </message>
    <message>
        <source>Exact copies: %1 groups of %2 images.</source>
        <translation>Exakte Kopien: %1 Gruppen mit %2 Bildern.</translation>
    </message>
    <message>
        <source>Near copies (at most %1 apart): %2 groups of %3 images.</source>
        <translation>Beinahe-Kopien (höchstens %1 entfernt): %2 Gruppen mit %3 Bildern.</translation>
    </message>
    <message>
        <source>Redundant images (all but one of every group): %1.</source>
        <translation>Überzählige Bilder (alle außer einem je Gruppe): %1.</translation>
    </message>
    <message>
        <source>Split leaks: %1 test or validation images have a copy in train.</source>
        <translation>Lecks zwischen Aufteilungen: %1 Test- oder Validierungsbilder haben eine Kopie im Training.</translation>
    </message>
    <message>
        <source>Exact copies:</source>
        <translation>Exakte Kopien:</translation>
    </message>
    <message>
        <source>Near copies:</source>
        <translation>Beinahe-Kopien:</translation>
    </message>
    <message>
        <source>Leaks (held-out image &lt;- training copy, distance):</source>
        <translation>Lecks (zurückgehaltenes Bild &lt;- Kopie im Training, Abstand):</translation>
    </message>
    <message>
        <source>Align FixMatch&apos;s unlabeled predictions to the seed&apos;s class shares before taking pseudo-labels.</source>
        <translation>Die Vorhersagen von FixMatch auf ungelabelten Bildern an die Klassenanteile des Seeds angleichen, bevor Pseudo-Labels genommen werden.</translation>
    </message>
    <message>
        <source>%1 images measured (%2 now, %3 unchanged) in %4 s.</source>
        <translation>%1 Bilder vermessen (%2 jetzt, %3 unverändert) in %4 s.</translation>
    </message>
    <message>
        <source>Find dark, overexposed, blurry, empty, noisy and oddly sized images.</source>
        <translation>Dunkle, überbelichtete, unscharfe, leere, verrauschte und ungewöhnlich große Bilder finden.</translation>
    </message>
    <message>
        <source>Flagged images listed in the text output (default 20).</source>
        <translation>In der Textausgabe aufgeführte markierte Bilder (Standard 20).</translation>
    </message>
    <message>
        <source>%1 of %2 images have an issue.</source>
        <translation>%1 von %2 Bildern haben ein Problem.</translation>
    </message>
    <message>
        <source>More like this: the images nearest to one or more given ones.</source>
        <translation>Mehr davon: die Bilder, die einem oder mehreren gegebenen am nächsten sind.</translation>
    </message>
    <message>
        <source>How many images to list (default 20).</source>
        <translation>Wie viele Bilder aufgeführt werden (Standard 20).</translation>
    </message>
    <message>
        <source>--count takes a positive number</source>
        <translation>--count nimmt eine positive Zahl</translation>
    </message>
    <message>
        <source>By the features of run #%1:</source>
        <translation>Nach den Merkmalen von Lauf #%1:</translation>
    </message>
    <message>
        <source>By the images&apos; thumbnails (no run with image features yet):</source>
        <translation>Nach den Miniaturen der Bilder (noch kein Lauf mit Bildmerkmalen):</translation>
    </message>
    <message>
        <source>flexmatch (default: per-class thresholds that follow how well each class is learnt) or fixed (tau for every class).</source>
        <translation>flexmatch (Standard: Schwellen je Klasse, die folgen, wie gut jede Klasse gelernt ist) oder fixed (tau für jede Klasse).</translation>
    </message>
    <message>
        <source>rank %1 was killed (a signal or a crash)</source>
        <translation>Rang %1 wurde beendet (ein Signal oder ein Absturz)</translation>
    </message>
    <message>
        <source>rank %1 exited with code %2</source>
        <translation>Rang %1 hat mit Code %2 geendet</translation>
    </message>
    <message>
        <source>Run a training command as N ranks on this host (data-parallel).</source>
        <translation>Einen Trainingsbefehl als N Ränge auf diesem Rechner ausführen (datenparallel).</translation>
    </message>
    <message>
        <source>Number of ranks (processes), 1-64.</source>
        <translation>Anzahl der Ränge (Prozesse), 1-64.</translation>
    </message>
    <message>
        <source>Seconds a rank waits for a silent one before giving up (default 600).</source>
        <translation>Sekunden, die ein Rang auf einen stummen wartet, bevor er aufgibt (Standard 600).</translation>
    </message>
    <message>
        <source>--nproc is required</source>
        <translation>--nproc ist erforderlich</translation>
    </message>
    <message>
        <source>--nproc must be 1-64 (got %1)</source>
        <translation>--nproc muss 1-64 sein (erhalten: %1)</translation>
    </message>
    <message>
        <source>--timeout must be at least 1 second</source>
        <translation>--timeout muss mindestens 1 Sekunde sein</translation>
    </message>
    <message>
        <source>name the command to run after --</source>
        <translation>nennen Sie den auszuführenden Befehl nach --</translation>
    </message>
    <message>
        <source>launch cannot launch itself</source>
        <translation>launch kann sich nicht selbst starten</translation>
    </message>
    <message>
        <source>Could not make a temporary folder: %1</source>
        <translation>Konnte keinen temporären Ordner anlegen: %1</translation>
    </message>
    <message>
        <source>Could not start rank %1: %2</source>
        <translation>Konnte Rang %1 nicht starten: %2</translation>
    </message>
    <message>
        <source>semiprune launch: %1; stopping the others.</source>
        <translation>semiprune launch: %1; die anderen werden angehalten.</translation>
    </message>
    <message>
        <source>%1 does not run as several ranks (WORLD_SIZE is %2): only pipeline, ssl, pseudo-label, dynamics and scores do. Run it without launch.</source>
        <translation>%1 läuft nicht als mehrere Ränge (WORLD_SIZE ist %2): Nur pipeline, ssl, pseudo-label, dynamics und scores tun das. Führen Sie es ohne launch aus.</translation>
    </message>
    <message>
        <source>%1 does not run as several ranks: only pipeline, ssl, pseudo-label, dynamics and scores do</source>
        <translation>%1 läuft nicht als mehrere Ränge: Nur pipeline, ssl, pseudo-label, dynamics und scores tun das</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Curate image datasets with almost no labels.</source>
        <translation>Bilddatensätze mit fast keinen Labels kuratieren.</translation>
    </message>
    <message>
        <source>A project file (.semiprune) to open.</source>
        <translation>Eine zu öffnende Projektdatei (.semiprune).</translation>
    </message>
    <message>
        <source>Open the Fashion-MNIST demo project (made on first use).</source>
        <translation>Das Fashion-MNIST-Demoprojekt öffnen (wird beim ersten Mal angelegt).</translation>
    </message>
    <message>
        <source>Give one project file, or --demo.
</source>
        <translation>Geben Sie eine Projektdatei an oder --demo.
</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::BenchmarksDock</name>
    <message>
        <source>Benchmarks</source>
        <translation>Benchmarks</translation>
    </message>
    <message>
        <source>Benchmark run</source>
        <translation>Benchmark-Lauf</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt ist geöffnet.</translation>
    </message>
    <message>
        <source>Benchmark #%1, %2 (%3)</source>
        <translation>Benchmark Nr. %1, %2 (%3)</translation>
    </message>
    <message>
        <source>This project holds no benchmark. `semiprune benchmark` stores its report in the benchmark.semiprune project of its output folder: open that one to see it here.</source>
        <translation>Dieses Projekt enthält keinen Benchmark. `semiprune benchmark` speichert seinen Bericht im Projekt benchmark.semiprune seines Ausgabeordners: Öffnen Sie dieses, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>This benchmark stopped before its end and has no report yet. Its figures so far are in results.md of its output folder; the same command with --resume finishes it.</source>
        <translation>Dieser Benchmark wurde vor seinem Ende angehalten und hat noch keinen Bericht. Seine bisherigen Zahlen stehen in results.md seines Ausgabeordners; derselbe Befehl mit --resume beendet ihn.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln seed(s) · %2 seed labels and %3 validation labels per seed · pool of %4 images</source>
        <translation>
            <numerusform>%1 · %Ln Seed · %2 Seed-Labels und %3 Validierungs-Labels je Seed · Pool aus %4 Bildern</numerusform>
            <numerusform>%1 · %Ln Seeds · %2 Seed-Labels und %3 Validierungs-Labels je Seed · Pool aus %4 Bildern</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 % pruned</source>
        <translation>%1 % entfernt</translation>
    </message>
    <message>
        <source>Full pool (no pruning)</source>
        <translation>Ganzer Pool (nicht ausgedünnt)</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::BrowseActions</name>
    <message>
        <source>&amp;Browse</source>
        <translation>&amp;Durchsuchen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>%1 (%2 shown)</source>
        <translation>%1 (%2 angezeigt)</translation>
    </message>
    <message>
        <source>No selection is stored yet: save one in the Difficulty dock or run the pipeline.</source>
        <translation>Noch ist keine Auswahl gespeichert: Speichern Sie eine im Bereich „Schwierigkeit“ oder führen Sie die Pipeline aus.</translation>
    </message>
    <message>
        <source>No image fits: run the pipeline first to score the images.</source>
        <translation>Kein Bild passt: Führen Sie zuerst die Pipeline aus, um die Bilder zu bewerten.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ClassBalanceChart</name>
    <message>
        <source>Pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ClassSidebar</name>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Hotkey…</source>
        <translation>Taste…</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Click a class to label the selected images with it, or press its key in the grid.</source>
        <translation>Klicken Sie auf eine Klasse, um die ausgewählten Bilder damit zu labeln, oder drücken Sie ihre Taste im Raster.</translation>
    </message>
    <message>
        <source>Add a Class</source>
        <translation>Klasse hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new class:</source>
        <translation>Name der neuen Klasse:</translation>
    </message>
    <message>
        <source>Rename the Class</source>
        <translation>Klasse umbenennen</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot;:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Set the Hotkey</source>
        <translation>Tastenkürzel festlegen</translation>
    </message>
    <message>
        <source>One key for &quot;%1&quot; (a letter or a digit; empty for none):</source>
        <translation>Eine Taste für „%1“ (ein Buchstabe oder eine Ziffer; leer für keine):</translation>
    </message>
    <message>
        <source>Cannot Set the Hotkey</source>
        <translation>Tastenkürzel kann nicht festgelegt werden</translation>
    </message>
    <message>
        <source>A hotkey is a single key, such as 1 or C.</source>
        <translation>Ein Tastenkürzel ist eine einzelne Taste, etwa 1 oder C.</translation>
    </message>
    <message>
        <source>Pseudo</source>
        <translation>Pseudo</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Images labeled by a person (seed, grid, review)</source>
        <translation>Von einer Person gelabelte Bilder (Seed, Raster, Prüfung)</translation>
    </message>
    <message>
        <source>Images without a human label that the newest run pseudo-labeled as this class</source>
        <translation>Bilder ohne menschliches Label, die der neueste Lauf als diese Klasse pseudo-gelabelt hat</translation>
    </message>
    <message>
        <source>Images of this class the newest selection keeps</source>
        <translation>Bilder dieser Klasse, die die neueste Auswahl behält</translation>
    </message>
    <message>
        <source>%1 labeled by a person, %2 of them in the seed</source>
        <translation>%1 von einer Person gelabelt, davon %2 im Seed</translation>
    </message>
    <message>
        <source>The project file is read-only.</source>
        <translation>Die Projektdatei ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The newest selection keeps no image of this class</source>
        <translation>Die neueste Auswahl behält kein Bild dieser Klasse</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::DataMapView</name>
    <message>
        <source>Variability over epochs</source>
        <translation>Variabilität über die Epochen</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>Mittlere Konfidenz</translation>
    </message>
    <message>
        <source>Each image at the mean and the standard deviation, over the proxy epochs, of the probability given to its label. Drag a rectangle, or click a point, to show those images in the grid.</source>
        <translation>Jedes Bild liegt bei Mittelwert und Standardabweichung (über die Proxy-Epochen) der Wahrscheinlichkeit, die seinem Label gegeben wurde. Ziehen Sie ein Rechteck oder klicken Sie auf einen Punkt, um diese Bilder im Raster anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::DifficultyDock</name>
    <message>
        <source>Difficulty</source>
        <translation>Schwierigkeit</translation>
    </message>
    <message>
        <source>AUM (low: hard)</source>
        <translation>AUM (niedrig: schwer)</translation>
    </message>
    <message>
        <source>Click a bar to show its images in the grid</source>
        <translation>Klicken Sie auf einen Balken, um seine Bilder im Raster anzuzeigen</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Pseudo-label confidence</source>
        <translation>Konfidenz der Pseudo-Labels</translation>
    </message>
    <message>
        <source>Pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Too hard</source>
        <translation>Zu schwer</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Too easy</source>
        <translation>Zu leicht</translation>
    </message>
    <message>
        <source>This run stored no training dynamics, so there is no data map. Runs of this version store them; run the pipeline again to see it.</source>
        <translation>Dieser Lauf hat keine Trainingsdynamik gespeichert, daher gibt es keine Datenkarte. Läufe dieser Version speichern sie; führen Sie die Pipeline erneut aus, um die Karte zu sehen.</translation>
    </message>
    <message>
        <source>Data Map</source>
        <translation>Datenkarte</translation>
    </message>
    <message>
        <source>Open a project to see how hard its images are.</source>
        <translation>Öffnen Sie ein Projekt, um zu sehen, wie schwer seine Bilder sind.</translation>
    </message>
    <message>
        <source>No run yet. Label a seed (Edit ▸ Label Seed…), then run the pipeline (Run ▸ Run SemiPrune…). When it has finished, this shows how hard every image is, how sure its pseudo-label is, and a preview of the coreset you can adjust and save.</source>
        <translation>Noch kein Lauf. Labeln Sie einen Seed (Bearbeiten ▸ Seed labeln…) und führen Sie dann die Pipeline aus (Ausführen ▸ SemiPrune ausführen…). Danach zeigt dieser Bereich, wie schwer jedes Bild ist, wie sicher sein Pseudo-Label ist, und eine Vorschau des Coresets, die Sie anpassen und speichern können.</translation>
    </message>
    <message>
        <source>No difficulty scores yet: no run has finished scoring the images. Run the pipeline (Run ▸ Run SemiPrune…) to its end; the charts appear when it has finished.</source>
        <translation>Noch keine Schwierigkeitswerte: Kein Lauf hat die Bewertung der Bilder abgeschlossen. Führen Sie die Pipeline (Ausführen ▸ SemiPrune ausführen…) bis zum Ende aus; die Diagramme erscheinen, sobald sie fertig ist.</translation>
    </message>
    <message>
        <source>No pseudo-labels yet</source>
        <translation>Noch keine Pseudo-Labels</translation>
    </message>
    <message>
        <source>Pseudo-labels by confidence (%1)</source>
        <translation>Pseudo-Labels nach Konfidenz (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 images drawn, all pickable</source>
        <translation>%1 von %2 Bildern gezeichnet, alle auswählbar</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>Kept band</source>
        <translation>Behaltener Bereich</translation>
    </message>
    <message>
        <source>Hard cutoff</source>
        <translation>Harter Schnitt</translation>
    </message>
    <message>
        <source>Difficulty: no hard cutoff (β = 0)</source>
        <translation>Schwierigkeit: kein harter Schnitt (β = 0)</translation>
    </message>
    <message>
        <source>Difficulty: hard cutoff at AUM %1</source>
        <translation>Schwierigkeit: harter Schnitt bei AUM %1</translation>
    </message>
    <message>
        <source>Scored images</source>
        <translation>Bewertete Bilder</translation>
    </message>
    <message>
        <source>Keeps %1 of %2 images (%3 %) · drops %4 as too hard (β = %5) and %6 as too easy</source>
        <translation>Behält %1 von %2 Bildern (%3 %) · verwirft %4 als zu schwer (β = %5) und %6 als zu leicht</translation>
    </message>
    <message>
        <source>No preview.</source>
        <translation>Keine Vorschau.</translation>
    </message>
    <message>
        <source>A run is writing to the project: save when it has finished.</source>
        <translation>Ein Lauf schreibt in das Projekt: Speichern Sie, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>The project file is read-only.</source>
        <translation>Die Projektdatei ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>A run is writing to the project: save the selection when it has finished.</source>
        <translation>Ein Lauf schreibt in das Projekt: Speichern Sie die Auswahl, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>The selection was not saved: %1</source>
        <translation>Die Auswahl wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;: keeps %2 of %3 images.</source>
        <translation>„%1“ gespeichert: behält %2 von %3 Bildern.</translation>
    </message>
    <message>
        <source>Saved, but it keeps no image of %1: a model trained on it cannot learn that. Keep more images or lower beta.</source>
        <translation>Gespeichert, aber sie behält kein Bild von %1: ein darauf trainiertes Modell kann das nicht lernen. Behalten Sie mehr Bilder oder senken Sie Beta.</translation>
    </message>
    <message>
        <source>A run is writing to the project: tune when it has finished.</source>
        <translation>Ein Lauf schreibt in das Projekt: tunen Sie, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Tuning β on Your Labels</source>
        <translation>β wird auf Ihren Labels getunt</translation>
    </message>
    <message>
        <source>Tuning was cancelled; β is as it was.</source>
        <translation>Das Tuning wurde abgebrochen; β ist unverändert.</translation>
    </message>
    <message>
        <source>β was not tuned: %1</source>
        <translation>β wurde nicht getunt: %1</translation>
    </message>
    <message>
        <source>β %1: %2 % right</source>
        <translation>β %1: %2 % richtig</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ExportDialog</name>
    <message>
        <source>Export Into</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Replace what is in the folder (an earlier export)</source>
        <translation>Inhalt des Ordners ersetzen (ein früherer Export)</translation>
    </message>
    <message>
        <source>Split into train/ and val/, stratified by class</source>
        <translation>In train/ und val/ aufteilen, nach Klassen geschichtet</translation>
    </message>
    <message>
        <source>Export the Dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <source>%1 (keeps %2 of %3)</source>
        <translation>%1 (behält %2 von %3)</translation>
    </message>
    <message>
        <source>The newest selection&apos;s kept images</source>
        <translation>Behaltene Bilder der neuesten Auswahl</translation>
    </message>
    <message>
        <source>A selection&apos;s kept images</source>
        <translation>Behaltene Bilder einer Auswahl</translation>
    </message>
    <message>
        <source>Every labeled image (human or pseudo-label)</source>
        <translation>Jedes gelabelte Bild (von Hand oder Pseudo-Label)</translation>
    </message>
    <message>
        <source>Only images a person labeled</source>
        <translation>Nur von einer Person gelabelte Bilder</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>Ein neuer oder leerer Ordner</translation>
    </message>
    <message>
        <source>Copy the images</source>
        <translation>Bilder kopieren</translation>
    </message>
    <message>
        <source>Hard links (no space; same disk as the images)</source>
        <translation>Harte Links (kein Platzbedarf; selbes Laufwerk wie die Bilder)</translation>
    </message>
    <message>
        <source>Symbolic links (break if the images move)</source>
        <translation>Symbolische Links (ungültig, wenn die Bilder umziehen)</translation>
    </message>
    <message>
        <source>The same seed gives the same split of the same images.</source>
        <translation>Derselbe Zufallsstartwert ergibt dieselbe Aufteilung derselben Bilder.</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Bilder:</translation>
    </message>
    <message>
        <source>&amp;Selection:</source>
        <translation>&amp;Auswahl:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>Share for val:</source>
        <translation>Anteil für val:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Zufallsstartwert:</translation>
    </message>
    <message>
        <source>Writes one folder per class with the images under their original names, manifest.csv (labels, sources, scores) and summary.json. A folder that is not empty is left alone unless you choose to replace it.</source>
        <translation>Schreibt je Klasse einen Ordner mit den Bildern unter ihren ursprünglichen Namen, dazu manifest.csv (Labels, Quellen, Werte) und summary.json. Ein nicht leerer Ordner bleibt unangetastet, es sei denn, Sie wählen, ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>There is no selection yet: run SemiPrune first, or export every labeled image.</source>
        <translation>Es gibt noch keine Auswahl: Führen Sie zuerst SemiPrune aus oder exportieren Sie alle gelabelten Bilder.</translation>
    </message>
    <message>
        <source>%1 is not empty. Choose a new or empty folder, or tick &quot;Replace what is in the folder&quot; to replace an earlier export (it is removed only once the new one is complete).</source>
        <translation>%1 ist nicht leer. Wählen Sie einen neuen oder leeren Ordner oder setzen Sie das Häkchen bei „Inhalt des Ordners ersetzen“, um einen früheren Export zu ersetzen (er wird erst entfernt, wenn der neue vollständig ist).</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Wird exportiert</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written to the folder.</source>
        <translation>Der Export wurde abgebrochen; nichts wurde in den Ordner geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln images</source>
        <translation>
            <numerusform>Exportiert: %Ln Bild</numerusform>
            <numerusform>Exportiert: %Ln Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln classes</source>
        <translation>
            <numerusform>in %Ln Klasse</numerusform>
            <numerusform>in %Ln Klassen</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 train, %2 val)</source>
        <translation>(%1 train, %2 val)</translation>
    </message>
    <message>
        <source>in %1 s.</source>
        <translation>in %1 s.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a label</source>
        <translation>
            <numerusform>%Ln ohne Label</numerusform>
            <numerusform>%Ln ohne Label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with only a pseudo-label</source>
        <translation>
            <numerusform>%Ln mit nur einem Pseudo-Label</numerusform>
            <numerusform>%Ln mit nur einem Pseudo-Label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable</source>
        <translation>
            <numerusform>%Ln unlesbar</numerusform>
            <numerusform>%Ln unlesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted since the import</source>
        <translation>
            <numerusform>%Ln seit dem Import gelöscht</numerusform>
            <numerusform>%Ln seit dem Import gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Ausgelassen: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files were renamed to keep same-named images apart (see manifest.csv).</source>
        <translation>
            <numerusform>%Ln Datei wurde umbenannt, um gleichnamige Bilder auseinanderzuhalten (siehe manifest.csv).</numerusform>
            <numerusform>%Ln Dateien wurden umbenannt, um gleichnamige Bilder auseinanderzuhalten (siehe manifest.csv).</numerusform>
        </translation>
    </message>
    <message>
        <source>The old export could not be removed: %1</source>
        <translation>Der alte Export konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Export Complete</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Checking the selection</source>
        <translation>Auswahl wird geprüft</translation>
    </message>
    <message>
        <source>A Class Would Be Missing</source>
        <translation>Eine Klasse würde fehlen</translation>
    </message>
    <message>
        <source>The selection keeps no image of %1, though the project has images of it. A model trained on this export will never predict it.</source>
        <translation>Die Auswahl behält kein Bild von %1, obwohl das Projekt Bilder davon hat. Ein mit diesem Export trainiertes Modell wird diese Klasse nie vorhersagen.</translation>
    </message>
    <message>
        <source>Keep more images, or select with the class-aware cutoff, to keep every class.</source>
        <translation>Behalten Sie mehr Bilder oder wählen Sie mit dem klassenbewussten Schnitt, um jede Klasse zu behalten.</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>Trotzdem exportieren</translation>
    </message>
    <message>
        <source>Not exported: the selection keeps no image of %1.</source>
        <translation>Nicht exportiert: Die Auswahl behält kein Bild von %1.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::GridContextMenu</name>
    <message>
        <source>Label As</source>
        <translation>Labeln als</translation>
    </message>
    <message numerus="yes">
        <source>Label %n Images As</source>
        <translation>
            <numerusform>%n Bild labeln als</numerusform>
            <numerusform>%n Bilder labeln als</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear Label</source>
        <translation>Label entfernen</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n Paths</source>
        <translation>
            <numerusform>%n Pfad kopieren</numerusform>
            <numerusform>%n Pfade kopieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>Enthaltenden Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::GridFilterBar</name>
    <message>
        <source>Only images of this class: the human label, or the pseudo-label where there is none</source>
        <translation>Nur Bilder dieser Klasse: nach dem von Hand vergebenen Label oder, wo es keines gibt, nach dem Pseudo-Label</translation>
    </message>
    <message>
        <source>Kept or pruned</source>
        <translation>Behalten oder aussortiert</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Pruned</source>
        <translation>Aussortiert</translation>
    </message>
    <message>
        <source>Dropped as too hard</source>
        <translation>Als zu schwer verworfen</translation>
    </message>
    <message>
        <source>Dropped as too easy</source>
        <translation>Als zu leicht verworfen</translation>
    </message>
    <message>
        <source>What the newest selection did with the image</source>
        <translation>Was die neueste Auswahl mit dem Bild gemacht hat</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Only pseudo-labels whose confidence is in this range</source>
        <translation>Nur Pseudo-Labels, deren Konfidenz in diesem Bereich liegt</translation>
    </message>
    <message>
        <source>AUM</source>
        <translation>AUM</translation>
    </message>
    <message>
        <source>Only scored images whose difficulty (AUM) is in this range</source>
        <translation>Nur bewertete Bilder, deren Schwierigkeit (AUM) in diesem Bereich liegt</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Drop the restriction to the images picked on the data map</source>
        <translation>Die Beschränkung auf die auf der Datenkarte gewählten Bilder aufheben</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1 von</translation>
    </message>
    <message>
        <source>%1 to</source>
        <translation>%1 bis</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>%1 picked</source>
        <translation>%1 ausgewählt</translation>
    </message>
    <message>
        <source>Only the %1 images picked on the data map</source>
        <translation>Nur die %1 auf der Datenkarte ausgewählten Bilder</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::GridLabeling</name>
    <message>
        <source>Select images first (click, Shift+click, Ctrl+click, drag a rectangle, or Ctrl+A).</source>
        <translation>Wählen Sie zuerst Bilder aus (Klick, Umschalt+Klick, Strg+Klick, ein Rechteck ziehen oder Strg+A).</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::HistogramChart</name>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ImageGridDelegate</name>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Unlesbar</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ImageGridModel</name>
    <message>
        <source>The file is missing.</source>
        <translation>Die Datei fehlt.</translation>
    </message>
    <message>
        <source>The image cannot be read.</source>
        <translation>Das Bild kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 Pixel, %3</translation>
    </message>
    <message>
        <source>Split: %1</source>
        <translation>Aufteilung: %1</translation>
    </message>
    <message>
        <source>Label: %1 (%2)</source>
        <translation>Label: %1 (%2)</translation>
    </message>
    <message>
        <source>Pseudo-label: %1 (%2 % confident)</source>
        <translation>Pseudo-Label: %1 (%2 % sicher)</translation>
    </message>
    <message>
        <source>Difficulty (AUM): %1</source>
        <translation>Schwierigkeit (AUM): %1</translation>
    </message>
    <message>
        <source>In the seed</source>
        <translation>Im Seed</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>Unlesbar: %1</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ImportIdxDialog</name>
    <message>
        <source>Choose the training images (idx3)</source>
        <translation>Trainingsbilder wählen (idx3)</translation>
    </message>
    <message>
        <source>Choose the training labels (idx1)</source>
        <translation>Trainingslabels wählen (idx1)</translation>
    </message>
    <message>
        <source>Choose the test images (idx3)</source>
        <translation>Testbilder wählen (idx3)</translation>
    </message>
    <message>
        <source>Choose the test labels (idx1)</source>
        <translation>Testlabels wählen (idx1)</translation>
    </message>
    <message>
        <source>&amp;Known labels</source>
        <translation>Bekannte Label&amp;s</translation>
    </message>
    <message>
        <source>&amp;Hidden reference labels, for evaluation only</source>
        <translation>&amp;Verborgene Referenzlabels, nur zur Bewertung</translation>
    </message>
    <message>
        <source>Choose where the images go</source>
        <translation>Ziel der Bilder wählen</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Import IDX Files</source>
        <translation>IDX-Dateien importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>A new, empty folder for the PNG images</source>
        <translation>Ein neuer, leerer Ordner für die PNG-Bilder</translation>
    </message>
    <message>
        <source>SemiPrune projects (*.semiprune)</source>
        <translation>SemiPrune-Projekte (*.semiprune)</translation>
    </message>
    <message>
        <source>From the file names (Fashion-MNIST is recognized), else numbers</source>
        <translation>Aus den Dateinamen (Fashion-MNIST wird erkannt), sonst Nummern</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST-Ziffern</translation>
    </message>
    <message>
        <source>IDX files</source>
        <translation>IDX-Dateien</translation>
    </message>
    <message>
        <source>Training &amp;images:</source>
        <translation>Trainings&amp;bilder:</translation>
    </message>
    <message>
        <source>Training &amp;labels:</source>
        <translation>Trainings&amp;labels:</translation>
    </message>
    <message>
        <source>&amp;Test images:</source>
        <translation>&amp;Testbilder:</translation>
    </message>
    <message>
        <source>Test la&amp;bels:</source>
        <translation>Testl&amp;abels:</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>&amp;Class names:</source>
        <translation>&amp;Klassennamen:</translation>
    </message>
    <message>
        <source>Labels are:</source>
        <translation>Die Labels sind:</translation>
    </message>
    <message>
        <source>Image &amp;folder:</source>
        <translation>Bild&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Project file:</source>
        <translation>&amp;Projektdatei:</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 gibt es nicht.</translation>
    </message>
    <message>
        <source>Test labels need their test images.</source>
        <translation>Testlabels brauchen ihre Testbilder.</translation>
    </message>
    <message>
        <source>%1 already exists and is not an empty folder: choose a new folder for the images.</source>
        <translation>%1 existiert bereits und ist kein leerer Ordner: Wählen Sie einen neuen Ordner für die Bilder.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Den Ordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 already exists: choose another project file name.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Namen für die Projektdatei.</translation>
    </message>
    <message>
        <source>Put the project file outside the image folder.</source>
        <translation>Legen Sie die Projektdatei außerhalb des Bildordners ab.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Pseudo-label</source>
        <translation>Pseudo-Label</translation>
    </message>
    <message>
        <source>Likely classes</source>
        <translation>Wahrscheinliche Klassen</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Open a project and pick an image in the grid.</source>
        <translation>Öffnen Sie ein Projekt und wählen Sie ein Bild im Raster.</translation>
    </message>
    <message>
        <source>Pick an image in the grid to see its details.</source>
        <translation>Wählen Sie ein Bild im Raster, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>class #%1</source>
        <translation>Klasse #%1</translation>
    </message>
    <message>
        <source>This image is no longer in the project.</source>
        <translation>Dieses Bild ist nicht mehr im Projekt.</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>gray</source>
        <translation>grau</translation>
    </message>
    <message numerus="yes">
        <source>%n channels</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>override</source>
        <translation>überschrieben</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&quot;color:#b4236b&quot;&gt;(override)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&quot;color:#b4236b&quot;&gt;(überschrieben)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>%1 · %2 confident</source>
        <translation>%1 · %2 sicher</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>none for this image</source>
        <translation>keines für dieses Bild</translation>
    </message>
    <message>
        <source>no pseudo-labels yet</source>
        <translation>noch keine Pseudo-Labels</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>noch nicht bewertet</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>This image cannot be read: %1</source>
        <translation>Dieses Bild kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>kein Grund aufgezeichnet</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Unlesbar</translation>
    </message>
    <message>
        <source>The file is gone: %1 was moved or deleted since the import.</source>
        <translation>Die Datei fehlt: %1 wurde seit dem Import verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>This image cannot be decoded: %1</source>
        <translation>Dieses Bild kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>no selection yet</source>
        <translation>noch keine Auswahl</translation>
    </message>
    <message>
        <source>not selected from: a %1 image (selections take training images only)</source>
        <translation>nicht auswählbar: ein %1-Bild (Auswahlen umfassen nur Trainingsbilder)</translation>
    </message>
    <message>
        <source>not in &quot;%1&quot;: the image could not be read</source>
        <translation>nicht in „%1“: Das Bild konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>not in &quot;%1&quot; (imported after it was made)</source>
        <translation>nicht in „%1“ (erst nach deren Erstellung importiert)</translation>
    </message>
    <message>
        <source>kept in &quot;%1&quot;: chosen %2 of %3</source>
        <translation>behalten in „%1“: als %2. von %3 gewählt</translation>
    </message>
    <message>
        <source>kept in &quot;%1&quot;</source>
        <translation>behalten in „%1“</translation>
    </message>
    <message>
        <source>among the hardest, beyond the hard cutoff: likely ambiguous or mislabeled</source>
        <translation>unter den schwersten, jenseits des harten Schnitts: wahrscheinlich mehrdeutig oder falsch gelabelt</translation>
    </message>
    <message>
        <source>easier than every kept image: outside the budget</source>
        <translation>leichter als jedes behaltene Bild: außerhalb des Budgets</translation>
    </message>
    <message>
        <source>the sampling selector did not draw it</source>
        <translation>das Stichprobenverfahren hat es nicht gezogen</translation>
    </message>
    <message>
        <source>pruned from &quot;%1&quot;: %2</source>
        <translation>aus „%1“ aussortiert: %2</translation>
    </message>
    <message>
        <source>a similar kept image stands for it</source>
        <translation>ein ähnliches behaltenes Bild steht für es</translation>
    </message>
    <message>
        <source>show folder</source>
        <translation>Ordner zeigen</translation>
    </message>
    <message>
        <source>The folders are hidden while the reference labels are: they may name the class.</source>
        <translation>Die Ordner sind verborgen, solange die Referenzlabels es sind: Sie könnten die Klasse nennen.</translation>
    </message>
    <message>
        <source>Image check</source>
        <translation>Bildprüfung</translation>
    </message>
    <message>
        <source>not measured since the file changed (Run, Check Images)</source>
        <translation>nicht vermessen, seit sich die Datei geändert hat (Ausführen, Bilder prüfen)</translation>
    </message>
    <message>
        <source>not measured yet (Run, Check Images)</source>
        <translation>noch nicht vermessen (Ausführen, Bilder prüfen)</translation>
    </message>
    <message>
        <source>no issue found</source>
        <translation>kein Problem gefunden</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::JobProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation>%1 vergangen</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::JobRunner</name>
    <message>
        <source>Another job is still running.</source>
        <translation>Eine andere Aufgabe läuft noch.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::LabelEditor</name>
    <message>
        <source>Label an image as %1</source>
        <translation>Ein Bild als %1 labeln</translation>
    </message>
    <message numerus="yes">
        <source>Label %Ln images as %1</source>
        <translation>
            <numerusform>%Ln Bild als %1 labeln</numerusform>
            <numerusform>%Ln Bilder als %1 labeln</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the label of an image</source>
        <translation>Das Label eines Bildes entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Clear the labels of %Ln images</source>
        <translation>
            <numerusform>Das Label von %Ln Bild entfernen</numerusform>
            <numerusform>Die Labels von %Ln Bildern entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Save the Labels</source>
        <translation>Labels können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot Undo or Redo</source>
        <translation>Rückgängig oder Wiederholen nicht möglich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; can no longer be applied because the project changed: %2 The step was removed from the undo history.</source>
        <translation>„%1“ kann nicht mehr angewendet werden, weil sich das Projekt geändert hat: %2 Der Schritt wurde aus dem Rückgängig-Verlauf entfernt.</translation>
    </message>
    <message>
        <source>Cannot Add the Class</source>
        <translation>Klasse kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot Rename the Class</source>
        <translation>Klasse kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Cannot Set the Hotkey</source>
        <translation>Tastenkürzel kann nicht festgelegt werden</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::MainWindow</name>
    <message>
        <source>&amp;New Project from Folder…</source>
        <translation>&amp;Neues Projekt aus Ordner…</translation>
    </message>
    <message>
        <source>&amp;Import IDX Files…</source>
        <translation>IDX-Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Larger Thumbnails</source>
        <translation>&amp;Größere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Smaller Thumbnails</source>
        <translation>&amp;Kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Label &amp;Seed…</source>
        <translation>&amp;Seed labeln…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Draw a few images at random and label them one by one with the keyboard.</source>
        <translation>Einige Bilder zufällig ziehen und sie nacheinander mit der Tastatur labeln.</translation>
    </message>
    <message>
        <source>&amp;Run SemiPrune…</source>
        <translation>SemiPrune &amp;ausführen…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Train on the labeled seed and the unlabeled images, score them, and select a coreset.</source>
        <translation>Auf dem gelabelten Seed und den ungelabelten Bildern trainieren, die Bilder bewerten und ein Coreset auswählen.</translation>
    </message>
    <message>
        <source>&amp;About SemiPrune Studio</source>
        <translation>Ü&amp;ber SemiPrune Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Cannot Open the Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln image in %1 s</source>
        <translation>
            <numerusform>%Ln Bild in %1 s geladen</numerusform>
            <numerusform>%Ln Bilder in %1 s geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln images in %1 s</source>
        <translation>
            <numerusform>%Ln Bild in %1 s geladen</numerusform>
            <numerusform>%Ln Bilder in %1 s geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Project Not Found</source>
        <translation>Projekt nicht gefunden</translation>
    </message>
    <message>
        <source>%1 no longer exists. Remove it from the recent projects?</source>
        <translation>%1 gibt es nicht mehr. Aus den zuletzt geöffneten Projekten entfernen?</translation>
    </message>
    <message>
        <source>The Run Failed</source>
        <translation>Der Lauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>SemiPrune Studio</source>
        <translation>SemiPrune Studio</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>About SemiPrune Studio</source>
        <translation>Über SemiPrune Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SemiPrune Studio %1&lt;/h3&gt;&lt;p&gt;Label-efficient dataset pruning for image folders: label a small seed, train with pseudo-labels, and keep the images that matter.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://semiprune.org&quot;&gt;semiprune.org&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SemiPrune Studio %1&lt;/h3&gt;&lt;p&gt;Label-sparsames Ausdünnen von Bilddatensätzen: Labeln Sie einen kleinen Seed, trainieren Sie mit Pseudo-Labels und behalten Sie die Bilder, auf die es ankommt.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://semiprune.org&quot;&gt;semiprune.org&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A Run Is in Progress</source>
        <translation>Ein Lauf ist im Gange</translation>
    </message>
    <message>
        <source>Cancel the run and close? It stops after the current training step and resumes from its last checkpoint next time.</source>
        <translation>Den Lauf abbrechen und schließen? Er hält nach dem aktuellen Trainingsschritt an und wird beim nächsten Mal ab seinem letzten Checkpoint fortgesetzt.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Write the kept or labeled images as class folders with a manifest.</source>
        <translation>Die behaltenen oder gelabelten Bilder als Klassenordner mit einem Manifest schreiben.</translation>
    </message>
    <message>
        <source>Re&amp;view Pseudo-Labels</source>
        <translation>Pseudo-Labels &amp;prüfen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Accept or correct the model&apos;s labels one image at a time, least confident first.</source>
        <translation>Die Labels des Modells Bild für Bild übernehmen oder korrigieren, die unsichersten zuerst.</translation>
    </message>
    <message>
        <source>Label &amp;More Images…</source>
        <translation>Weitere Bilder &amp;labeln…</translation>
    </message>
    <message>
        <source>After a run: label the images the model is least sure of, spread over the data, to improve the pseudo-labels the most per label.</source>
        <translation>Nach einem Lauf: die Bilder labeln, bei denen das Modell am unsichersten ist, über die Daten verteilt, damit jedes Label die Pseudo-Labels am meisten verbessert.</translation>
    </message>
    <message>
        <source>&amp;Check Images…</source>
        <translation>Bilder &amp;prüfen…</translation>
    </message>
    <message>
        <source>Find exact and near copies, test images with a copy in training, and dark, blurry, empty, noisy or oddly sized images.</source>
        <translation>Exakte und Beinahe-Kopien finden, Testbilder mit einer Kopie im Training, und dunkle, unscharfe, leere, verrauschte oder ungewöhnlich große Bilder.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::NewProjectDialog</name>
    <message>
        <source>Choose the image folder</source>
        <translation>Bildordner wählen</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Decode every image fully to find corrupt files now (slower)</source>
        <translation>Alle Bilder ganz dekodieren, um Defekte gleich zu finden (langsamer)</translation>
    </message>
    <message>
        <source>New Project from Folder</source>
        <translation>Neues Projekt aus Ordner</translation>
    </message>
    <message>
        <source>SemiPrune projects (*.semiprune)</source>
        <translation>SemiPrune-Projekte (*.semiprune)</translation>
    </message>
    <message>
        <source>A folder of images, or of class sub-folders</source>
        <translation>Ein Ordner mit Bildern oder mit Klassen-Unterordnern</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>SemiPrune reads the images where they are and never writes into their folder. Class sub-folders (ImageFolder layout) and train/val/test folders are recognized.</source>
        <translation>SemiPrune liest die Bilder dort, wo sie liegen, und schreibt nie in ihren Ordner. Klassen-Unterordner (ImageFolder-Aufbau) und Ordner train/val/test werden erkannt.</translation>
    </message>
    <message>
        <source>&amp;Image folder:</source>
        <translation>&amp;Bildordner:</translation>
    </message>
    <message>
        <source>&amp;Project file:</source>
        <translation>&amp;Projektdatei:</translation>
    </message>
    <message>
        <source>The image folder %1 does not exist.</source>
        <translation>Den Bildordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 already exists: choose another project file name, or open it with Open Project.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Namen für die Projektdatei oder öffnen Sie sie mit „Projekt öffnen“.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Den Ordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable: choose another place for the project file.</source>
        <translation>Der Ordner %1 ist nicht beschreibbar: Wählen Sie einen anderen Ort für die Projektdatei.</translation>
    </message>
    <message>
        <source>Put the project file outside the image folder: SemiPrune never writes into it.</source>
        <translation>Legen Sie die Projektdatei außerhalb des Bildordners ab: SemiPrune schreibt nie hinein.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::PathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ProjectStatusWidget</name>
    <message>
        <source>Images in the project</source>
        <translation>Bilder im Projekt</translation>
    </message>
    <message>
        <source>Images that cannot be decoded: found at import, or while making thumbnails</source>
        <translation>Bilder, die sich nicht dekodieren lassen: beim Import gefunden oder beim Erstellen der Vorschaubilder</translation>
    </message>
    <message>
        <source>Images whose file is gone since the import (their labels are kept)</source>
        <translation>Bilder, deren Datei seit dem Import fehlt (ihre Labels bleiben erhalten)</translation>
    </message>
    <message>
        <source>Images with a human label</source>
        <translation>Bilder mit einem von Hand vergebenen Label</translation>
    </message>
    <message>
        <source>Seed images labeled, of those drawn</source>
        <translation>Gelabelte Seed-Bilder von den gezogenen</translation>
    </message>
    <message>
        <source>Images the newest selection keeps</source>
        <translation>Bilder, die die neueste Auswahl behält</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln images</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable</source>
        <translation>
            <numerusform>%Ln unlesbar</numerusform>
            <numerusform>%Ln unlesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln missing</source>
        <translation>
            <numerusform>%Ln fehlend</numerusform>
            <numerusform>%Ln fehlend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln labeled</source>
        <translation>
            <numerusform>%Ln gelabelt</numerusform>
            <numerusform>%Ln gelabelt</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept %1 of %2</source>
        <translation>%1 von %2 behalten</translation>
    </message>
    <message>
        <source>Seed %1/%2</source>
        <translation>Seed %1/%2</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ProjectView</name>
    <message>
        <source>reference labels hidden for evaluation; shown in a shuffled order</source>
        <translation>Referenzlabels verborgen; gemischte Reihenfolge</translation>
    </message>
    <message>
        <source>labels known from the class folders</source>
        <translation>Labels aus den Klassenordnern bekannt</translation>
    </message>
    <message>
        <source>Selection &quot;%1&quot; keeps %2 of %3 images</source>
        <translation>Auswahl „%1“ behält %2 von %3 Bildern</translation>
    </message>
    <message>
        <source>Label Seed</source>
        <translation>Seed labeln</translation>
    </message>
    <message numerus="yes">
        <source>How many images to draw for labeling (b)?
For %Ln images, 1–5 % is %1–%2.</source>
        <translation>
            <numerusform>Wie viele Bilder sollen zum Labeln gezogen werden (b)?
Bei %Ln Bild sind 1–5 % %1–%2.</numerusform>
            <numerusform>Wie viele Bilder sollen zum Labeln gezogen werden (b)?
Bei %Ln Bildern sind 1–5 % %1–%2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Draw the Seed</source>
        <translation>Seed kann nicht gezogen werden</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>Importreihenfolge</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <source>Unlabeled</source>
        <translation>Ungelabelt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Pseudo-labeled</source>
        <translation>Mit Pseudo-Label</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Überschrieben</translation>
    </message>
    <message>
        <source>Unreadable or missing</source>
        <translation>Unlesbar oder fehlend</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortieren:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Vorschaugröße</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+scroll wheel also works in the grid)</source>
        <translation>Vorschaugröße (Strg+Mausrad funktioniert auch im Raster)</translation>
    </message>
    <message>
        <source>The image folder %1 is not there: thumbnails cannot be shown. If it moved, point the project to its new place.</source>
        <translation>Der Bildordner %1 ist nicht vorhanden: Vorschaubilder können nicht angezeigt werden. Falls er verschoben wurde, verweisen Sie das Projekt auf seinen neuen Ort.</translation>
    </message>
    <message>
        <source>This project file is read-only: you can browse it, but changes cannot be saved.</source>
        <translation>Diese Projektdatei ist schreibgeschützt: Sie können sie durchsehen, aber Änderungen werden nicht gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln images</source>
        <translation>
            <numerusform>%Ln Bild</numerusform>
            <numerusform>%Ln Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more found unreadable while making thumbnails</source>
        <translation>
            <numerusform>%Ln weiteres beim Erstellen der Vorschaubilder als unlesbar erkannt</numerusform>
            <numerusform>%Ln weitere beim Erstellen der Vorschaubilder als unlesbar erkannt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more missing since the import</source>
        <translation>
            <numerusform>%Ln weiteres fehlt seit dem Import</numerusform>
            <numerusform>%Ln weitere fehlen seit dem Import</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to Review</source>
        <translation>Nichts zu prüfen</translation>
    </message>
    <message>
        <source>No pseudo-label waits for a review: every image with one is labeled by a person already, or no run has made pseudo-labels yet (Run &gt; Run SemiPrune…).</source>
        <translation>Kein Pseudo-Label wartet auf eine Prüfung: Jedes Bild mit Pseudo-Label ist bereits von einer Person gelabelt, oder noch kein Lauf hat Pseudo-Labels erzeugt (Ausführen &gt; SemiPrune ausführen…).</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Label More Images</source>
        <translation>Weitere Bilder labeln</translation>
    </message>
    <message>
        <source>How many images to label next?
The newest run suggests those its pseudo-labels are least sure of, spread over the data.</source>
        <translation>Wie viele Bilder als Nächstes labeln?
Der neueste Lauf schlägt die vor, deren Pseudo-Labels am unsichersten sind, über die Daten verteilt.</translation>
    </message>
    <message>
        <source>Cannot Suggest Images</source>
        <translation>Keine Bilder vorschlagbar</translation>
    </message>
    <message>
        <source>Every image the run could suggest is labeled.</source>
        <translation>Jedes Bild, das der Lauf vorschlagen könnte, ist gelabelt.</translation>
    </message>
    <message>
        <source>Hardest first</source>
        <translation>Schwierigste zuerst</translation>
    </message>
    <message>
        <source>Easiest first</source>
        <translation>Leichteste zuerst</translation>
    </message>
    <message>
        <source>Least sure first</source>
        <translation>Unsicherste zuerst</translation>
    </message>
    <message>
        <source>Hardest and easiest: by difficulty (AUM). Least sure: by the pseudo-label&apos;s confidence.</source>
        <translation>Schwierigste und leichteste: nach Schwierigkeit (AUM). Unsicherste: nach der Konfidenz des Pseudo-Labels.</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ProjectWorkflows</name>
    <message>
        <source>Scanning the Folder</source>
        <translation>Ordner wird durchsucht</translation>
    </message>
    <message>
        <source>Cannot Read the Folder</source>
        <translation>Ordner kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No Images Found</source>
        <translation>Keine Bilder gefunden</translation>
    </message>
    <message>
        <source>There are no images in %1 (looked for jpg, jpeg, png, bmp, webp, tif, tiff, pgm, ppm, pbm, pnm).</source>
        <translation>In %1 gibt es keine Bilder (gesucht nach jpg, jpeg, png, bmp, webp, tif, tiff, pgm, ppm, pbm, pnm).</translation>
    </message>
    <message>
        <source>Creating the Project</source>
        <translation>Projekt wird angelegt</translation>
    </message>
    <message>
        <source>Cannot Create the Project</source>
        <translation>Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Importing IDX Files</source>
        <translation>IDX-Dateien werden importiert</translation>
    </message>
    <message>
        <source>Cannot Import the IDX Files</source>
        <translation>IDX-Dateien können nicht importiert werden</translation>
    </message>
    <message>
        <source>Preparing the Fashion-MNIST Demo</source>
        <translation>Fashion-MNIST-Demo wird vorbereitet</translation>
    </message>
    <message>
        <source>Cannot Open the Demo</source>
        <translation>Demo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>SemiPrune projects (*.semiprune);;All files (*)</source>
        <translation>SemiPrune-Projekte (*.semiprune);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::RecentProjectDelegate</name>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::ReviewView</name>
    <message>
        <source>Accept  [Enter]</source>
        <translation>Übernehmen  [Enter]</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Skip ▶</source>
        <translation>Überspringen ▶</translation>
    </message>
    <message>
        <source>Run Again with My Corrections…</source>
        <translation>Mit meinen Korrekturen erneut ausführen…</translation>
    </message>
    <message>
        <source>Back to the grid  [Esc]</source>
        <translation>Zurück zum Raster  [Esc]</translation>
    </message>
    <message>
        <source>Least confident first</source>
        <translation>Unsicherste zuerst</translation>
    </message>
    <message>
        <source>Hardest first (lowest AUM)</source>
        <translation>Schwerste zuerst (niedrigstes AUM)</translation>
    </message>
    <message>
        <source>Review order</source>
        <translation>Prüfreihenfolge</translation>
    </message>
    <message>
        <source>Enter or Space: accept · a class&apos;s key or 1–9: another class · ← →: back and skip · Ctrl+Z: undo · Esc: back to the grid</source>
        <translation>Enter oder Leertaste: übernehmen · Taste einer Klasse oder 1–9: andere Klasse · ← →: zurück und überspringen · Strg+Z: rückgängig · Esc: zurück zum Raster</translation>
    </message>
    <message>
        <source>Every pseudo-label has been reviewed.</source>
        <translation>Alle Pseudo-Labels wurden geprüft.</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nichts zu prüfen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln reviewed in this queue</source>
        <translation>
            <numerusform>%Ln in dieser Warteschlange geprüft</numerusform>
            <numerusform>%Ln in dieser Warteschlange geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>the model says &lt;b&gt;%1&lt;/b&gt;, %2 % sure</source>
        <translation>das Modell sagt &lt;b&gt;%1&lt;/b&gt;, zu %2 % sicher</translation>
    </message>
    <message>
        <source>AUM %1</source>
        <translation>AUM %1</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#b4236b&quot;&gt;Changed to &lt;b&gt;%1&lt;/b&gt; (override)&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#b4236b&quot;&gt;Geändert in &lt;b&gt;%1&lt;/b&gt; (überschrieben)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Accepted as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Übernommen als &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No pseudo-labels wait for a review. Run SemiPrune to make some, or look at the grid.</source>
        <translation>Keine Pseudo-Labels warten auf eine Prüfung. Führen Sie SemiPrune aus, um welche zu erzeugen, oder sehen Sie sich das Raster an.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::RunSettingsDialog</name>
    <message>
        <source>Random horizontal flips</source>
        <translation>Zufällige horizontale Spiegelungen</translation>
    </message>
    <message>
        <source>Always keep the human-labeled images</source>
        <translation>Von Hand gelabelte Bilder immer behalten</translation>
    </message>
    <message>
        <source>Run SemiPrune</source>
        <translation>SemiPrune ausführen</translation>
    </message>
    <message numerus="yes">
        <source>Learns from &lt;b&gt;%1&lt;/b&gt; labeled images in &lt;b&gt;%Ln&lt;/b&gt; classes and %2 unlabeled ones.</source>
        <translation>
            <numerusform>Lernt aus &lt;b&gt;%1&lt;/b&gt; gelabelten Bildern in &lt;b&gt;%Ln&lt;/b&gt; Klasse und %2 ungelabelten.</numerusform>
            <numerusform>Lernt aus &lt;b&gt;%1&lt;/b&gt; gelabelten Bildern in &lt;b&gt;%Ln&lt;/b&gt; Klassen und %2 ungelabelten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hard cutoff (keep the hardest)</source>
        <translation>Harter Schnitt (die schwersten behalten)</translation>
    </message>
    <message>
        <source>Class-aware cutoff</source>
        <translation>Klassenbewusster Schnitt</translation>
    </message>
    <message>
        <source>Coverage-centric (CCS)</source>
        <translation>Abdeckungsorientiert (CCS)</translation>
    </message>
    <message>
        <source>Dual beta</source>
        <translation>Dual-Beta</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>Automatisch (GPU, wenn vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>all %1 cores</source>
        <translation>alle %1 Kerne</translation>
    </message>
    <message>
        <source>The share of the images the coreset keeps.</source>
        <translation>Der Anteil der Bilder, den das Coreset behält.</translation>
    </message>
    <message>
        <source>The share of the hardest images dropped first, as likely mislabeled.</source>
        <translation>Der Anteil der schwersten Bilder, der zuerst verworfen wird, da sie wahrscheinlich falsch gelabelt sind.</translation>
    </message>
    <message>
        <source>FixMatch steps:</source>
        <translation>FixMatch-Schritte:</translation>
    </message>
    <message>
        <source>Proxy epochs:</source>
        <translation>Proxy-Epochen:</translation>
    </message>
    <message>
        <source>Keep ratio:</source>
        <translation>Behaltequote:</translation>
    </message>
    <message>
        <source>Selector:</source>
        <translation>Auswahlverfahren:</translation>
    </message>
    <message>
        <source>Beta (hardest dropped):</source>
        <translation>Beta (schwerste verworfen):</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Unlabeled per labeled (mu):</source>
        <translation>Ungelabelte je gelabeltem (mu):</translation>
    </message>
    <message>
        <source>Confidence threshold:</source>
        <translation>Konfidenzschwelle:</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Schwierigkeitswert:</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>Zufallsstartwert:</translation>
    </message>
    <message>
        <source>default for this keep ratio: %1</source>
        <translation>Vorgabe für diese Behaltequote: %1</translation>
    </message>
    <message>
        <source>Cannot Start the Run</source>
        <translation>Lauf kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Automatic (native up to 32 px)</source>
        <translation>Automatisch (nativ bis 32 px)</translation>
    </message>
    <message>
        <source>%1 x %1 px</source>
        <translation>%1 × %1 px</translation>
    </message>
    <message>
        <source>The size images are trained at. Larger sizes see finer detail and train more slowly.</source>
        <translation>Die Größe, in der die Bilder trainiert werden. Größere Formate erfassen feinere Details und trainieren langsamer.</translation>
    </message>
    <message>
        <source>Automatic (small CNN up to 32 px, ResNet-18 above)</source>
        <translation>Automatisch (kleines CNN bis 32 px, darüber ResNet-18)</translation>
    </message>
    <message>
        <source>Small CNN</source>
        <translation>Kleines CNN</translation>
    </message>
    <message>
        <source>ResNet-18</source>
        <translation>ResNet-18</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>a quarter of the memory</source>
        <translation>ein Viertel des Speichers</translation>
    </message>
    <message>
        <source>Decoded images beyond this are kept in a file beside the project and read as needed.</source>
        <translation>Dekodierte Bilder darüber hinaus werden in einer Datei neben dem Projekt abgelegt und bei Bedarf gelesen.</translation>
    </message>
    <message>
        <source>Training resolution:</source>
        <translation>Trainingsauflösung:</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netz:</translation>
    </message>
    <message>
        <source>Memory for images:</source>
        <translation>Speicher für Bilder:</translation>
    </message>
    <message>
        <source>Diverse (difficulty and coverage, D2)</source>
        <translation>Vielfältig (Schwierigkeit und Abdeckung, D2)</translation>
    </message>
    <message>
        <source>Automatic (bfloat16 on this processor)</source>
        <translation>Automatisch (bfloat16 auf diesem Prozessor)</translation>
    </message>
    <message>
        <source>Automatic (float32: this processor has no bfloat16)</source>
        <translation>Automatisch (float32: dieser Prozessor hat kein bfloat16)</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>bfloat16 trains about twice as fast on processors that compute it natively (AVX512-BF16); weights, losses and scores stay float32.</source>
        <translation>bfloat16 trainiert auf Prozessoren, die es nativ berechnen (AVX512-BF16), etwa doppelt so schnell; Gewichte, Verluste und Scores bleiben float32.</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <source>FixMatch steps</source>
        <translation>FixMatch-Schritte</translation>
    </message>
    <message>
        <source>proxy epochs</source>
        <translation>Proxy-Epochen</translation>
    </message>
    <message>
        <source>keep ratio</source>
        <translation>Behalteanteil</translation>
    </message>
    <message>
        <source>selector</source>
        <translation>Auswahlverfahren</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>confidence threshold</source>
        <translation>Konfidenzschwelle</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>memory for images</source>
        <translation>Speicher für Bilder</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>Zufallsstartwert</translation>
    </message>
    <message>
        <source>flips</source>
        <translation>Spiegelungen</translation>
    </message>
    <message>
        <source>keeping the human-labeled images</source>
        <translation>Behalten der von Menschen gelabelten Bilder</translation>
    </message>
    <message>
        <source>All settings are the defaults.</source>
        <translation>Alle Einstellungen sind die Standardwerte.</translation>
    </message>
    <message>
        <source>Not the defaults: %1.</source>
        <translation>Nicht die Standardwerte: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Learns from &lt;b&gt;%1&lt;/b&gt; labeled images in &lt;b&gt;%Ln&lt;/b&gt; class and %2 unlabeled ones.</source>
        <translation>
            <numerusform>Lernt aus &lt;b&gt;%1&lt;/b&gt; gelabelten Bildern in &lt;b&gt;%Ln&lt;/b&gt; Klasse und %2 ungelabelten.</numerusform>
            <numerusform>Lernt aus &lt;b&gt;%1&lt;/b&gt; gelabelten Bildern in &lt;b&gt;%Ln&lt;/b&gt; Klassen und %2 ungelabelten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Align to the seed&apos;s class shares</source>
        <translation>An die Klassenanteile des Seeds angleichen</translation>
    </message>
    <message>
        <source>threshold per class</source>
        <translation>Schwelle je Klasse</translation>
    </message>
    <message>
        <source>alignment</source>
        <translation>Angleichung</translation>
    </message>
    <message>
        <source>The same for every class</source>
        <translation>Für jede Klasse gleich</translation>
    </message>
    <message>
        <source>Per class, as it is learnt (FlexMatch)</source>
        <translation>Je Klasse, wie sie gelernt wird (FlexMatch)</translation>
    </message>
    <message>
        <source>FlexMatch lowers the threshold for classes the network has not learnt yet, so they get pseudo-labels early; it rises to the confidence threshold as they are learnt.</source>
        <translation>FlexMatch senkt die Schwelle für Klassen, die das Netz noch nicht gelernt hat, damit sie früh Pseudo-Labels bekommen; sie steigt bis zur Konfidenzschwelle, während sie gelernt werden.</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>Reweights FixMatch&apos;s predictions on the unlabeled images so that on average they follow the class shares of the labeled seed before pseudo-labels are taken, so the classes learnt first do not take over.</source>
        <translation>Gewichtet die Vorhersagen von FixMatch auf den ungelabelten Bildern so um, dass sie im Mittel den Klassenanteilen des gelabelten Seeds folgen, bevor Pseudo-Labels genommen werden, damit die zuerst gelernten Klassen nicht überhandnehmen.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::RunsPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>FixMatch loss by step</source>
        <translation>FixMatch-Verlust je Schritt</translation>
    </message>
    <message>
        <source>Proxy training loss by epoch</source>
        <translation>Verlust des Proxy-Trainings je Epoche</translation>
    </message>
    <message>
        <source>%1 loss</source>
        <translation>%1-Verlust</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>No run in progress.</source>
        <translation>Kein Lauf im Gange.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stops after the current training step; finished stages stay reusable.</source>
        <translation>Hält nach dem aktuellen Trainingsschritt an; abgeschlossene Stufen bleiben wiederverwendbar.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Key metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Cancelling: the run stops after the current training step…</source>
        <translation>Wird abgebrochen: Der Lauf hält nach dem aktuellen Trainingsschritt an…</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>Cancelled. Starting again resumes from the last checkpoint.</source>
        <translation>Abgebrochen. Ein erneuter Start setzt beim letzten Checkpoint fort.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>FixMatch</source>
        <translation>FixMatch</translation>
    </message>
    <message>
        <source>pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>proxy training</source>
        <translation>Proxy-Training</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>Cannot Start the Run</source>
        <translation>Lauf kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Starts the interrupted run again with its settings, from its last checkpoint.</source>
        <translation>Setzt den unterbrochenen Lauf mit seinen Einstellungen ab seinem letzten Checkpoint fort.</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>Pseudo-label accuracy</source>
        <translation>Pseudo-Label-Genauigkeit</translation>
    </message>
    <message>
        <source>pseudo-labels %1 % right</source>
        <translation>Pseudo-Labels zu %1 % richtig</translation>
    </message>
    <message>
        <source>Pseudo-labels %1 % right (against the reference labels).</source>
        <translation>Pseudo-Labels zu %1 % richtig (gegen die Referenzlabels).</translation>
    </message>
    <message>
        <source>No image kept of: %1.</source>
        <translation>Kein Bild behalten von: %1.</translation>
    </message>
    <message>
        <source>Pseudo-labels ready (no reference labels to check them).</source>
        <translation>Pseudo-Labels fertig (keine Referenzlabels zum Prüfen).</translation>
    </message>
    <message>
        <source>Selection &quot;%1&quot; keeps %2 of %3 images</source>
        <translation>Auswahl „%1“ behält %2 von %3 Bildern</translation>
    </message>
    <message>
        <source>, from %1 (%2) to %3 (%4) per class</source>
        <translation>, von %1 (%2) bis %3 (%4) je Klasse</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Fertig.</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::SeedLabelView</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Skip (not sure)  [S]</source>
        <translation>Überspringen (unsicher)  [S]</translation>
    </message>
    <message>
        <source>New class…  [N]</source>
        <translation>Neue Klasse…  [N]</translation>
    </message>
    <message>
        <source>Back to the grid  [Esc]</source>
        <translation>Zurück zum Raster  [Esc]</translation>
    </message>
    <message>
        <source>%1 / %2 labeled</source>
        <translation>%1 / %2 gelabelt</translation>
    </message>
    <message>
        <source>Cannot Skip the Image</source>
        <translation>Bild kann nicht übersprungen werden</translation>
    </message>
    <message>
        <source>New Class</source>
        <translation>Neue Klasse</translation>
    </message>
    <message>
        <source>Name of the new class:</source>
        <translation>Name der neuen Klasse:</translation>
    </message>
    <message>
        <source>image %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>labeled %1</source>
        <translation>gelabelt: %1</translation>
    </message>
    <message>
        <source>not labeled yet</source>
        <translation>noch nicht gelabelt</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::SelectionControls</name>
    <message>
        <source>Default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Within each class</source>
        <translation>Je Klasse</translation>
    </message>
    <message>
        <source>Keep the labeled seed</source>
        <translation>Gelabelten Seed behalten</translation>
    </message>
    <message>
        <source>Save Selection</source>
        <translation>Auswahl speichern</translation>
    </message>
    <message>
        <source>&amp;Keep ratio r:</source>
        <translation>&amp;Behaltequote r:</translation>
    </message>
    <message>
        <source>The share of the images the coreset keeps</source>
        <translation>Der Anteil der Bilder, den das Coreset behält</translation>
    </message>
    <message>
        <source>The hard-cutoff rate the method chose for this keep ratio</source>
        <translation>Die Abschneiderate, die das Verfahren für diese Behaltequote gewählt hat</translation>
    </message>
    <message>
        <source>Hard cutoff &amp;β:</source>
        <translation>Harter Schnitt &amp;β:</translation>
    </message>
    <message>
        <source>The share of the images dropped as too hard (likely ambiguous or mislabeled)</source>
        <translation>Der Anteil der Bilder, der als zu schwer verworfen wird (wahrscheinlich mehrdeutig oder falsch gelabelt)</translation>
    </message>
    <message>
        <source>Apply the cutoff and the budget within each class, keeping the class proportions</source>
        <translation>Schnitt und Budget innerhalb jeder Klasse anwenden, sodass die Klassenanteile erhalten bleiben</translation>
    </message>
    <message>
        <source>Keep every human-labeled image, whatever its score</source>
        <translation>Jedes von Hand gelabelte Bild behalten, unabhängig von seinem Wert</translation>
    </message>
    <message>
        <source>Selection name</source>
        <translation>Name der Auswahl</translation>
    </message>
    <message>
        <source>Store this selection in the project under the name, replacing one of the same name</source>
        <translation>Diese Auswahl unter dem Namen im Projekt speichern; eine gleichnamige wird ersetzt</translation>
    </message>
    <message>
        <source>Tune β…</source>
        <translation>β tunen…</translation>
    </message>
    <message>
        <source>Choose β on your own labels: part of them is held out, short models train on the coreset of every candidate β and are measured on it (a few minutes)</source>
        <translation>β auf Ihren eigenen Labels wählen: ein Teil davon wird zurückgehalten, kurze Modelle trainieren auf dem Coreset jedes Kandidaten-β und werden daran gemessen (einige Minuten)</translation>
    </message>
</context>
<context>
    <name>semiprune::ui::WelcomePage</name>
    <message>
        <source>SemiPrune Studio</source>
        <translation>SemiPrune Studio</translation>
    </message>
    <message>
        <source>Curate large image datasets with almost no labels: label a small seed, and let training dynamics pick the images worth keeping.</source>
        <translation>Große Bilddatensätze mit fast keinen Labels kuratieren: Sie labeln einen kleinen Seed, die Trainingsdynamik wählt die Bilder, die sich lohnen.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>New Project from Folder…</source>
        <translation>Neues Projekt aus Ordner…</translation>
    </message>
    <message>
        <source>A folder of images, flat or in class sub-folders</source>
        <translation>Ein Ordner mit Bildern, flach oder in Klassen-Unterordnern</translation>
    </message>
    <message>
        <source>Import IDX Files…</source>
        <translation>IDX-Dateien importieren…</translation>
    </message>
    <message>
        <source>MNIST-style files, converted to a PNG folder</source>
        <translation>Dateien im MNIST-Stil, in einen PNG-Ordner umgewandelt</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>A .semiprune project file</source>
        <translation>Eine .semiprune-Projektdatei</translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>Fashion-MNIST, 70,000 images; made on first use</source>
        <translation>Fashion-MNIST, 70.000 Bilder; wird beim ersten Mal angelegt</translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open; right-click to remove from the list</source>
        <translation>Doppelklick oder Eingabetaste zum Öffnen; Rechtsklick zum Entfernen aus der Liste</translation>
    </message>
    <message>
        <source>Projects you open will be listed here.</source>
        <translation>Projekte, die Sie öffnen, werden hier aufgeführt.</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 gibt es nicht mehr</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove from List</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
</context>
</TS>
