"""Problems: the bundled example problem files (problems/examples) and the procedural task families
(problems.families) that the default model is trained and evaluated on."""
