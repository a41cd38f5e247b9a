"""The experiment cards of the lessons: a question, the predictions to choose from, hints.

Each card asks the learner to commit to a prediction, then runs the experiment through the page.
Only words live here: every number a learner reads after a run comes from that run
(``experiments.py``), and so does the last hint, the answer.
A card of the optimization page names its run (``optimizer``, ``start``, ``settings``); a
``variants`` entry lets the learner pick one value of ``start`` or of a setting before running.
A card of the functions page shows the function it names (``shows``), or the one predicted.
A card of the network page names a descent on the loss slice (``start`` is (a, b)); with
``runs_prediction`` the page runs the setting the learner predicted.
"""

WHERE = "where"        # predictions: which peak the run ends on
BEHAVIOUR = "behaviour"  # predictions: crawls, settles or swings
COMPARE = "compare"    # predictions: which of two optimizers ends higher
SAME_OUTPUT = "same_output"
UNDEFINED = "undefined"

ENDINGS = [["global", "On the global maximum (the green peak)"],
           ["local", "On the local maximum (the orange peak)"],
           ["elsewhere", "Somewhere else, on neither peak"]]

LESSON_TITLES = {"functions": "What is a function?", "maxima": "Global and local maxima",
                 "hill_climbing": "Hill climbing", "gradient_ascent": "Gradient ascent",
                 "network": "Page 2, again, in two dimensions"}

CARDS = [
    {"id": "same-output", "page": "functions", "lesson": "functions", "kind": SAME_OUTPUT,
     "title": "The same output for −3 and 3",
     "question": "Which function gives the same output for x = −3 as for x = 3? Pick one, then check it.",
     "hints": ["Put −3 and 3 into each rule in your head: f doubles, square multiplies x by itself.",
               "A negative number times a negative number is positive."]},
    {"id": "no-curve-left", "page": "functions", "lesson": "functions", "kind": UNDEFINED, "shows": "sqrt",
     "title": "No curve left of zero",
     "question": "Why does sqrt draw no curve left of zero?",
     "choices": [["too-large", "Its outputs there are too large to draw"],
                 ["no-square", "No number multiplied by itself gives a negative number"],
                 ["hidden", "The curve is there, hidden under the axis"]],
     "hints": ["sqrt(x) is the number that, multiplied by itself, gives x.",
               "Try it: 2 × 2 = 4, and (−2) × (−2) = 4 too. Which number gives −4?"]},
    {"id": "top-of-orange", "page": "optimization", "lesson": "maxima", "kind": WHERE,
     "title": "Standing on the orange peak",
     "question": "Hill climbing starts on the top of the orange peak, at x = {start}, with scale 0.1. "
                 "Where will it be after 100 iterations?",
     "optimizer": "hill_climbing", "start": "local_top", "settings": {"scale": 0.1, "seed": 0},
     "choices": ENDINGS,
     "hints": ["Hill climbing only moves when the new spot is higher.",
               "On a top, every small step to the left or to the right goes down."]},
    {"id": "hill-where", "page": "optimization", "lesson": "hill_climbing", "kind": WHERE,
     "title": "Where will it end?",
     "question": "Hill climbing with scale 1 starts at the point you pick. Where will it end?",
     "optimizer": "hill_climbing", "start": -10, "settings": {"scale": 1, "seed": 0},
     "variants": {"legend": "Start the climb at", "name": "start", "values": [-10, 0, 10]},
     "choices": ENDINGS,
     "hints": ["Find the starting point on the plot: which peak's hill is it on?",
               "The valley between the two peaks is the border: a climber that starts to its "
               "right only finds uphill steps towards the green peak."]},
    {"id": "hill-trap", "page": "optimization", "lesson": "hill_climbing", "kind": WHERE,
     "title": "Trap it on the local maximum",
     "question": "Start at −15 with a small scale, 0.1. Where will hill climbing end? "
                 "(Any run of your own that traps hill climbing on the orange peak counts too.)",
     "optimizer": "hill_climbing", "start": -15, "settings": {"scale": 0.1, "seed": 0},
     "choices": ENDINGS,
     "hints": ["−15 is on the orange peak's hill, left of the valley.",
               "With scale 0.1 its random steps are about 0.1 long; the valley is several units wide."]},
    {"id": "hill-escape", "page": "optimization", "lesson": "hill_climbing", "kind": WHERE,
     "title": "Can long jumps escape?",
     "question": "Start at −15 again, now with scale 5. Where will hill climbing end? "
                 "(A run of your own that escapes from the orange peak's hill counts too.)",
     "optimizer": "hill_climbing", "start": -15, "settings": {"scale": 5, "seed": 0},
     "choices": ENDINGS,
     "hints": ["With scale 5 a random step is often several units long.",
               "A step is kept whenever it lands higher, even on the far side of a valley."]},
    {"id": "step-sizes", "page": "optimization", "lesson": "gradient_ascent", "kind": BEHAVIOUR,
     "title": "Too small, just right, too large",
     "question": "Gradient ascent starts at −10 with the step size you pick. What will it do in 100 iterations?",
     "optimizer": "gradient_ascent", "start": -10, "settings": {"step_size": 0.1},
     "variants": {"legend": "Take steps of", "name": "step_size", "values": [0.01, 0.1, 1.0]},
     "choices": [["crawls", "It crawls: still on its way after 100 iterations"],
                 ["settles", "It settles on a peak"],
                 ["swings", "It overshoots and swings back and forth"]],
     "hints": ["Each step is step size × slope; the slope here is a few units at most.",
               "Multiply: how far does one step go with 0.01, with 0.1, with 1.0? "
               "The peak is about 2 units wide."]},
    {"id": "gradient-stuck", "page": "optimization", "lesson": "gradient_ascent", "kind": WHERE,
     "title": "Does it get stuck?",
     "question": "Gradient ascent starts at −15 with step size 0.1. Where will it end? "
                 "(Any run of your own that stops gradient ascent on the orange peak counts too.)",
     "optimizer": "gradient_ascent", "start": -15, "settings": {"step_size": 0.1},
     "choices": ENDINGS,
     "hints": ["Gradient ascent only follows the slope where it stands.",
               "On the top of any peak the slope is zero, on a lower peak too."]},
    {"id": "compare-climbers", "page": "optimization", "lesson": "gradient_ascent", "kind": COMPARE,
     "title": "Gradient ascent against hill climbing",
     "question": "From −10, gradient ascent with step size 0.01 and hill climbing with scale 1 each take "
                 "100 iterations. Which one ends higher?",
     "optimizer": "gradient_ascent", "start": -10, "settings": {"step_size": 0.01},
     "rival": {"optimizer": "hill_climbing", "settings": {"scale": 1, "seed": 0}},
     "choices": [["gradient", "Gradient ascent ends higher"], ["hill", "Hill climbing ends higher"],
                 ["same", "Both end about as high (within 0.5)"]],
     "hints": ["With step size 0.01, each step of gradient ascent is a hundredth of the slope.",
               "Hill climbing's steps are about 1 long, whatever the slope."]},
    {"id": "plain-stops", "page": "network", "lesson": "network", "kind": WHERE,
     "title": "Where does plain gradient descent stop?",
     "question": "Plain gradient descent (learning rate 0.02) starts from (a, b) = (−1, 1). Where will it "
                 "be after 100 steps? (Any run of your own that stops in the local minimum counts too.)",
     "optimizer": "gradient_descent", "start": [-1, 1], "settings": {"learning_rate": 0.02},
     "choices": [["trained", "In the trained network's valley (the deep pit at the centre)"],
                 ["local", "In the local minimum (the orange valley)"],
                 ["bounces", "Neither: it bounces away or is still on its way"]],
     "hints": ["Find (−1, 1) on the map: which valley does the ground slope down into from there?",
               "Gradient descent only follows the slope where it stands; at the bottom of any valley "
               "the slope is zero."]},
    {"id": "momentum-escape", "page": "network", "lesson": "network", "kind": WHERE,
     "title": "Can momentum get out?",
     "question": "Same start, (−1, 1), now gradient descent with momentum (learning rate 0.02, momentum "
                 "0.9). Where will it be after 100 steps? (A run of your own with momentum that crosses "
                 "from the local minimum's side into the trained network's valley counts too.)",
     "optimizer": "gradient_descent_with_momentum", "start": [-1, 1],
     "settings": {"learning_rate": 0.02, "momentum": 0.9},
     "choices": [["trained", "Over the ridge, in the trained network's valley"],
                 ["local", "In the local minimum, like plain gradient descent"],
                 ["bounces", "Neither: it bounces away or is still on its way"]],
     "hints": ["Momentum keeps 0.9 of its last move and adds the new downhill step to it.",
               "Rolling down from (−1, 1) it builds up speed; a ball with speed does not stop where "
               "the slope is zero."]},
    {"id": "learning-rates", "page": "network", "lesson": "network", "kind": COMPARE,
     "title": "Which learning rate ends lowest?",
     "question": "Plain gradient descent starts from (a, b) = (1, 1) with learning rate 0.005, 0.02 or "
                 "0.5. Which one has the lowest loss after 100 steps? The page runs the one you pick; "
                 "the feedback compares all three.",
     "optimizer": "gradient_descent", "start": [1, 1], "settings": {"learning_rate": 0.02},
     "runs_prediction": "learning_rate",
     "choices": [["0.005", "Learning rate 0.005"], ["0.02", "Learning rate 0.02"], ["0.5", "Learning rate 0.5"]],
     "hints": ["Each step moves learning rate × slope; 100 tiny steps may not reach the bottom.",
               "A step much longer than the valley is wide lands on the far wall, higher than it started."]},
]
